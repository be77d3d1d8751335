import * as React from 'react';

/** Calls `poll` every `intervalMs` while the page is mounted; a hidden browser tab skips its turns. */
export const usePolling = (poll: () => void, intervalMs: number) => {
  const latestPoll = React.useRef(poll);

  React.useEffect(() => {
    latestPoll.current = poll;
  }, [poll]);

  React.useEffect(() => {
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') latestPoll.current();
    }, intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
};
