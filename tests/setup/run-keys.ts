// One audit key for every process of a run that is not a unit test (browser stories, benchmarks, the
// chaos run): the test or script, the portal and the workers it starts all append to one audit log, so
// they must chain it with the same key. Fixed, so the benchmarks' cached databases stay verifiable; test
// data only (production refuses to start without its own keys). Unit tests get theirs from setup-test-env.ts.
process.env.MADOGUCHI_AUDIT_KEY ??= Buffer.alloc(32, 3).toString("base64");
