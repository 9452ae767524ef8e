// One set of keys for every process of a run that is not a unit test (browser stories, benchmarks, the
// chaos run): the test or script, the portal and the workers it starts all append to one audit log, so
// they must chain it with the same key. Fixed, so the benchmarks' cached databases stay verifiable; test
// data only (production refuses to start without its own keys). Unit tests get theirs from setup-test-env.ts.
process.env.MADOGUCHI_AUDIT_KEY ??= Buffer.alloc(32, 3).toString("base64");
// The same holds for the field encryption: a story that writes a case straight into the portal's database
// seals its identity numbers, which the portal and its dispatcher must open; so every process of the run
// shares one set of keys (all three, since a process takes its keys from the environment only when all are set).
process.env.MADOGUCHI_ENCRYPTION_KEYS ??= `r1:${Buffer.alloc(32, 4).toString("base64")}`;
process.env.MADOGUCHI_SESSION_SECRET ??= "test-run-session-secret-0123456789abcdefghijklmnop";
