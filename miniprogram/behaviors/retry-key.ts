import { type RetryKey, retryKey } from '../services/retry';

/**
 * Pages that send one kind of change: `retryKey()` is the page's key, so a resend after a lost
 * answer carries the same requestId and the server does the change once.
 */
export const retryKeyed = Behavior({
  lifetimes: {
    created() {
      (this as unknown as { _retryKey: RetryKey })._retryKey = retryKey();
    },
  },
  methods: {
    retryKey(): RetryKey {
      return (this as unknown as { _retryKey: RetryKey })._retryKey;
    },
  },
});
