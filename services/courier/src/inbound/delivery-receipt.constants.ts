/** The message type of a delivery receipt: proof of reception, separate from any business answer. */
export const RECEIPT_TYPE = 'receipt.delivered.v1';
