import { createParser } from 'eventsource-parser';
import { useEffect, useState } from 'react';

/**
 * Follows the monitor's server-sent events with fetch (the bearer token goes in a header, never in the URL, which
 * EventSource cannot do) and calls `onEvent` for each; reconnects after a pause when the stream ends.
 */
export function useLiveEvents(token: string, onEvent: (kind: string) => void): boolean {
  const [live, setLive] = useState(false);
  useEffect(() => {
    const controller = new AbortController();
    let stopped = false;
    async function follow(): Promise<void> {
      while (!stopped) {
        try {
          const response = await fetch('/monitor/api/v1/events', {
            headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
            signal: controller.signal,
          });
          if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
          setLive(true);
          const parser = createParser({ onEvent: (event) => onEvent(event.event ?? 'message') });
          const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            parser.feed(value);
          }
        } catch {
          // Retried below; the dashboard also polls, so a lost stream only makes it less immediate.
        }
        setLive(false);
        if (!stopped) await new Promise((resolve) => setTimeout(resolve, 5000));
      }
    }
    void follow();
    return () => {
      stopped = true;
      controller.abort();
    };
  }, [token, onEvent]);
  return live;
}
