// Guard: functions and the domain are tested in UTC, as CloudBase runs them (see node-utc-env.js).
if (new Date(0).getTimezoneOffset() !== 0) throw new Error('node tests must run in UTC');
