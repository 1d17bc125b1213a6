/** Professional roles a reader may claim; shown beside their name only once a moderator verifies it. */
export const PROFESSIONS = {
  'legal-assistant': { zh: '法务助理', en: 'Legal assistant' },
  'trainee-lawyer': { zh: '实习律师', en: 'Trainee lawyer' },
  lawyer: { zh: '律师', en: 'Lawyer' },
  cpa: { zh: '注册会计师', en: 'CPA' },
  'financial-planner': { zh: '理财师', en: 'Financial planner' },
  analyst: { zh: '分析师', en: 'Analyst' },
  other: { zh: '其他', en: 'Other' },
} as const
export type Profession = keyof typeof PROFESSIONS

export const READER_STATUSES = {
  active: { zh: '正常', en: 'Active' },
  suspended: { zh: '暂停', en: 'Suspended' },
  banned: { zh: '封禁', en: 'Banned' },
} as const
export type ReaderStatus = keyof typeof READER_STATUSES
