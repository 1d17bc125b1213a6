/**
 * Finance words jieba's own dictionary lacks, so that it cut them together with the next character
 * and their own search no longer matched: 央行降准将释放… became 降 / 准将, 城投后 became 城 / 投后,
 * 资管新规后 became 资管 / 新 / 规后. Each was checked against a few hundred sentences of finance text,
 * for words other searches would no longer match (城投资金 now reads 城投 / 资金, as it means).
 * Adding a word changes how stored articles are cut: raise `SEGMENTATION` (segment.ts) with it, so
 * that the articles already indexed are cut again.
 */
export const FINANCE_WORDS = ['降准', '城投', '城投债', '定增', '资管新规', '农商行', '险资', '保交楼', '化债', '两融']

/** High enough to win over the words these were cut into, as jieba weighs a cut by its words' frequencies. */
export const FINANCE_WORD_FREQUENCY = 5000
