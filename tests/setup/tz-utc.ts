// Functions run in UTC on CloudBase; tests of the domain and functions do too.
process.env.TZ = 'UTC';
