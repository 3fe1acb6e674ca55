// views/audit: the audit log.
export default {
  audit: {
    title: '审计日志',
    subtitle: '所有变更按顺序记录，并以哈希链防篡改',
    seq: '序号',
    at: '时间',
    actor: '操作人',
    action: '操作',
    entity: '对象',
    entityId: '对象 ID',
    before: '变更前',
    after: '变更后',
    hash: '哈希',
    empty: '暂无审计记录',
    verify: '校验哈希链',
    verifyOk: '哈希链完整：共 {rows} 条记录均校验通过。',
    verifyBad: '哈希链校验失败：第 {seq} 条记录异常（{reason}），共 {rows} 条。',
    chart: '本页操作分布',
  },
};
