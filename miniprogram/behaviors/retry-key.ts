import { instanceState } from '../base/instance';
import { type RetryKey, retryKey } from '../services/retry';

const keys = instanceState(retryKey);

/**
 * Pages that send one kind of change: `retryKey()` is the page's key, so a resend after a lost
 * answer carries the same requestId and the server does the change once.
 */
export const retryKeyed = Behavior({
  methods: {
    retryKey(): RetryKey {
      return keys(this);
    },
  },
});
