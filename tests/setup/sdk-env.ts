// Tell the SDK it runs inside a function instance, as it does on CloudBase and in the local
// function host; otherwise it probes the cloud metadata server on every call.
process.env.TENCENTCLOUD_RUNENV = 'SCF';
process.env.TENCENTCLOUD_REGION = 'ap-shanghai';
process.env.SCF_NAMESPACE = 'local';
process.env.SILENCE = 'true';
