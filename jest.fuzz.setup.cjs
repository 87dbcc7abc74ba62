// Raises every property's run count for the fuzz target; the *.property.spec.ts files read it with fc.readConfigureGlobal().
require('fast-check').configureGlobal({ numRuns: 10_000 });
