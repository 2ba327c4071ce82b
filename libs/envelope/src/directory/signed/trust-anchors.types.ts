import type { PublicJwkWithMeta } from '../member-directory.port';

/**
 * The network's trust anchors as a node is configured with them: public Ed25519 keys only. A directory entry counts
 * only when one of these, valid now, signed it. Held locally (a file), never learnt from the network.
 */
export interface TrustAnchors {
  network: string;
  anchors: PublicJwkWithMeta[];
}
