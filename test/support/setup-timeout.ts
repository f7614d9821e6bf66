// Real servers and real time: a workflow round trip takes seconds, not milliseconds.
// (testTimeout in a project config is ignored when Jest runs several projects.)
jest.setTimeout(120_000);
