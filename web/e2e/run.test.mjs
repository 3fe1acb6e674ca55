// Node's test runner only picks up files named like *.test.mjs when given a directory
// (`node --test web/e2e/`); this entry point runs the browser tests of shell.e2e.mjs,
// calendar.e2e.mjs, enterprises.e2e.mjs, guide.e2e.mjs and approvals.e2e.mjs.
import './shell.e2e.mjs';
import './calendar.e2e.mjs';
import './enterprises.e2e.mjs';
import './guide.e2e.mjs';
import './approvals.e2e.mjs';
