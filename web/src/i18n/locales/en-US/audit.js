// views/audit: the audit log.
export default {
  audit: {
    title: 'Audit log',
    subtitle: 'Every change in order, hash-chained so that tampering shows',
    seq: 'Seq',
    at: 'Time',
    actor: 'Actor',
    action: 'Action',
    entity: 'Entity',
    entityId: 'Entity ID',
    before: 'Before',
    after: 'After',
    hash: 'Hash',
    empty: 'No audit records yet',
    verify: 'Verify chain',
    verifyOk: 'The chain is intact: all {rows} records verified.',
    verifyBad: 'Chain verification failed at record {seq} ({reason}); {rows} records in total.',
    chart: 'Actions on this page',
  },
};
