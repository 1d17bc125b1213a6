/**
 * Every message a person can meet from the server's own rules, by its code, in Chinese and English.
 * The code is what front ends branch on (`errors[0].data.code`); the text is chosen by the request's
 * language (the admin's language cookie, else Accept-Language, else Chinese). `{{name}}` is a value
 * the message names; both languages name the same ones (checked by tests/unit/lib/i18n.test.ts).
 */
export const MESSAGES = {
  // Shared
  ARTICLE_NOT_FOUND: { zh: '找不到这篇文章', en: 'Article not found' },
  STAFF_ONLY: { zh: '仅限编辑部人员', en: 'Staff only' },
  PREVIEW_TOKEN_INVALID: { zh: '预览链接无效', en: 'The preview token is not valid' },
  PREVIEW_LINK_EXPIRED: { zh: '预览链接已过期，请重新获取', en: 'The preview link has expired: ask for a new one' },
  LOOKUP_TOKEN_INVALID: { zh: '查询码无效', en: 'Invalid token' },
  CORRECTION_REQUEST_NOT_FOUND: { zh: '找不到这条纠错', en: 'Correction request not found' },
  COMMENT_REPORTED: { zh: '已收到您的举报', en: 'Reported' },
  COMMENT_ALREADY_REPORTED: { zh: '您已举报过这条评论', en: 'You have reported this comment already' },
  // The one spelling of an API path (src/lib/http/canonicalPath.ts)
  PATH_NOT_ORIGIN_FORM: { zh: '请求路径须以 / 开头', en: 'The request target must be a path starting with /' },
  PATH_MALFORMED_ENCODING: { zh: '路径中的百分号编码有误', en: 'Malformed percent-encoding in the path' },
  PATH_DOT_SEGMENT: { zh: 'API 路径不能含有 . 或 .. 段', en: 'API paths may not contain . or .. segments' },
  PATH_SEPARATOR_IN_SEGMENT: { zh: 'API 路径段中不能含有编码的 / 或 \\', en: 'An API path segment may not contain an encoded / or \\' },
  PATH_FORBIDDEN_CHARACTER: { zh: 'API 路径中不能含有控制字符、# 或 ;', en: 'Control characters, # and ; are not allowed in an API path' },
  PATH_WRONG_CASE: { zh: 'API 路径中的集合名和接口名须为小写', en: 'Collection and endpoint names in API paths are lower-case' },

  // Sitemaps and feeds (src/lib/discovery/routes.ts)
  SITEMAP_NOT_FOUND: { zh: '没有这个站点地图', en: 'No such sitemap' },
  SITEMAP_MONTH_INVALID: { zh: '月份应为 0001-01 到 9999-12 之间的年月', en: 'Expected a month from 0001-01 to 9999-12' },
  SITEMAP_PART_INVALID: { zh: '分片序号应为从 2 起的整数（第 1 片的文件名不带序号）', en: 'Expected a part number from 2 (the first part has none in its name)' },
  CHANNEL_SLUG_INVALID: { zh: '频道别名只能包含小写字母、数字和连字符，最长 80 个字符', en: 'A channel slug has only lower-case letters, digits and hyphens, at most 80' },
  CHANNEL_NOT_FOUND: { zh: '找不到这个频道', en: 'Channel not found' },
  LIST_POSITION_INVALID: { zh: '翻页位置无效：请传上一页返回的 nextAfter', en: 'Not a position in the list: pass the nextAfter of the page before' },

  // 阅读量 and 热门 (src/server/articleViews.ts, src/collections/Articles/endpoints/hotArticles.ts)
  ARTICLE_ID_INVALID: { zh: '文章 ID 应为正整数', en: 'An article id is a positive whole number' },
  HOT_WINDOW_INVALID: { zh: '时间范围只能是 24h、7d 或 30d', en: 'The window is 24h, 7d or 30d' },
  HOT_LIMIT_INVALID: { zh: '条数应为 1 到 {{max}} 之间的整数', en: 'The limit is a whole number from 1 to {{max}}' },

  DOCUMENT_LOCKED: { zh: '其他人正在编辑这份内容，暂不能保存或删除，请稍后再试', en: 'Someone else is editing this document: it cannot be saved or deleted until they are done' },

  API_RATE_LIMITED: { zh: '请求过于频繁，请 {{seconds}} 秒后再试', en: 'Too many requests: try again in {{seconds}} seconds' },
  METHOD_NOT_ALLOWED: { zh: '{{path}} 不支持 {{method}} 请求', en: '{{method}} is not allowed on {{path}}' },

  // The server's own answers, ahead of or around Payload
  INTERNAL_ERROR: { zh: '服务器内部错误，请稍后重试', en: 'Internal server error' },
  DATABASE_UNAVAILABLE: { zh: '数据库暂时不可用，请稍后重试', en: 'The database is unavailable for the moment: try again shortly' },
  BODY_TOO_LARGE: { zh: '请求内容过大：最多 {{limit}} 字节', en: 'Request body too large: at most {{limit}} bytes' },
  MALFORMED_JSON: { zh: '请求内容不是有效的 JSON：{{detail}}', en: 'Malformed JSON body: {{detail}}' },
  MALFORMED_FORM: { zh: '表单数据无效：{{detail}}', en: 'Malformed form data: {{detail}}' },
  REQUEST_INVALID: { zh: '请求无效：{{detail}}', en: 'Invalid request: {{detail}}' },
  QUERY_PARAMS_INVALID: { zh: '查询参数无效：{{params}}', en: 'Invalid query parameter: {{params}}' },
  ROUTE_PARAMS_INVALID: { zh: '地址中的参数无效：{{params}}', en: 'Invalid value in the address: {{params}}' },
  PAGE_TOO_DEEP: {
    zh: '页码过深：每页 {{limit}} 条时最多翻到第 {{maxPage}} 页（跳过的条目不超过 {{maxOffset}}）；更早的内容请按上一页最后一条的 publishedAt 和 id 继续往下取（见 API 文档“深页”）',
    en: 'Page too deep: at {{limit}} a page, page {{maxPage}} is the last one (at most {{maxOffset}} entries skipped); read further by keyset, from the publishedAt and id of the last entry you have (see "Deep pages" in the API documentation)',
  },
  WHOLE_NUMBER_BETWEEN: { zh: '应为 {{min}} 到 {{max}} 之间的整数', en: 'Expected a whole number from {{min}} to {{max}}' },
  TEXT_EXPECTED: { zh: '应为文字', en: 'Expected text' },
  NUMBER_EXPECTED: { zh: '应为数字', en: 'Expected a number' },
  BOOLEAN_EXPECTED: { zh: '应为 true 或 false', en: 'Expected true or false' },
  LIST_EXPECTED: { zh: '应为列表', en: 'Expected a list' },
  OPTION_EXPECTED: { zh: '应为以下之一：{{options}}', en: 'Expected one of: {{options}}' },
  DOCUMENT_ID_EXPECTED: { zh: '应为已有内容的 ID', en: 'Expected the id of an existing document' },
  FIELD_UNKNOWN: { zh: '没有名为 {{field}} 的字段', en: 'Unknown field "{{field}}"' },
  TEXT_TOO_LONG: { zh: '最多 {{max}} 个字符', en: 'At most {{max}} characters' },
  DATE_EXPECTED: { zh: '应为日期，例如 {{example}}', en: 'Expected a date, e.g. {{example}}' },
  NO_VERSIONS_KEPT: { zh: '{{content}} 不保留历史版本', en: 'No versions are kept of {{content}}' },
  FILE_NOT_FOUND: { zh: '找不到这个文件', en: 'File not found' },
  API_KEY_INVALID: { zh: 'API 密钥不存在或已吊销', en: 'Unknown or revoked API key' },
  FIRST_ADMIN_FROM_ENV: {
    zh: '第一个管理员账号由服务器上的 ADMIN_EMAIL 和 ADMIN_PASSWORD 创建',
    en: 'The first admin is created from ADMIN_EMAIL and ADMIN_PASSWORD on this server',
  },
  DATA_NOT_AN_OBJECT: { zh: '请求内容应为一个对象', en: 'Expected an object' },
  RELATED_DOCUMENT_MISSING: { zh: '所选内容不存在', en: 'Refers to a document that does not exist' },
  WHERE_PATH_TOO_DEEP: { zh: '查询条件的路径最多 {{max}} 段', en: 'A where path may have at most {{max}} parts' },
  OPERATOR_UNSUPPORTED: { zh: '本数据库（PostgreSQL）不支持 {{operator}} 运算符', en: 'The {{operator}} operator is not supported by this database (PostgreSQL)' },
  OPERATOR_GEOGRAPHIC: {
    zh: '{{operator}} 运算符只适用于地理坐标字段，而这里没有此类字段',
    en: 'The {{operator}} operator works only on geographic (point) fields, and there are none',
  },
  OPERATOR_TEXT_ONLY: { zh: '{{operator}} 运算符只比较文字，而 {{path}} 是 {{type}} 字段', en: 'The {{operator}} operator compares text, and {{path}} is a {{type}} field' },
  OPERATOR_NOT_FOR_FIELD: { zh: '此运算符不适用于该字段（like 和 contains 只比较文字）', en: 'This operator does not apply to this field (like and contains compare text)' },
  VALUE_INVALID: { zh: '此字段的值无效', en: 'Invalid value for this field' },
  VALUE_TOO_LONG: { zh: '值太长', en: 'Value is too long' },
  NUMBER_OUT_OF_RANGE: { zh: '数字超出范围', en: 'Number is out of range' },
  DATE_INVALID: { zh: '日期无效', en: 'Invalid date' },
  DATE_OUT_OF_RANGE: { zh: '日期超出范围', en: 'Date is out of range' },
  NUL_CHARACTER: { zh: '文字中不能含有 NUL 字符（\\u0000）', en: 'Text may not contain the NUL character (\\u0000)' },
  GRAPHQL_NOT_JSON: { zh: 'GraphQL 请求须为 JSON（application/json）', en: 'GraphQL requests are JSON (application/json)' },
  GRAPHQL_SUBSCRIPTION: { zh: '不支持 GraphQL 订阅', en: 'Subscriptions are not supported' },
  GRAPHQL_CYCLIC_FRAGMENT: { zh: '片段 "{{fragment}}" 直接或间接引用了自己', en: 'Fragment "{{fragment}}" spreads itself, directly or through other fragments' },
  GRAPHQL_TOO_DEEP: { zh: '查询嵌套 {{depth}} 层，最多允许 {{max}} 层', en: 'Query is nested {{depth}} levels deep; at most {{max}} are allowed' },
  GRAPHQL_TOO_MANY_FIELDS: { zh: '查询选取了 {{count}} 个字段，最多允许 {{max}} 个', en: 'Query selects {{count}} fields; at most {{max}} are allowed' },

  // Backup and restore (the operator's command line)
  BACKUP_FILE_REQUIRED: { zh: '请指定一个备份文件', en: 'Name one backup file' },
  BACKUP_FILE_EXISTS: { zh: '{{file}} 已存在：请用 --out 指定另一个文件名', en: '{{file}} exists already: name another with --out' },
  BACKUP_NO_SCHEMA: { zh: '数据库尚未初始化，没有可备份的内容', en: 'The database has no newsroom schema: nothing to back up' },
  BACKUP_UNREADABLE: { zh: '无法把 {{file}} 读作备份文件：{{detail}}', en: 'Cannot read {{file}} as a backup archive: {{detail}}' },
  BACKUP_NOT_OURS: { zh: '{{file}} 不是本系统的备份：缺少 manifest.json 或其格式不是 {{format}}', en: '{{file}} is not a newsroom backup: its manifest.json is missing or not {{format}}' },
  BACKUP_DAMAGED_FILE: { zh: '备份已损坏：{{file}} 缺失或无法读取', en: 'The backup is damaged: {{file}} is missing or unreadable' },
  BACKUP_DAMAGED_ROWS: { zh: '备份已损坏：{{table}} 应有 {{expected}} 行，实有 {{rows}} 行', en: 'The backup is damaged: {{table}} lists {{expected}} rows but holds {{rows}}' },
  BACKUP_UNKNOWN_TABLES: { zh: '备份中的表在数据库中不存在：{{tables}}', en: 'The backup has tables the migrated database lacks: {{tables}}' },
  RESTORE_TARGET_NOT_EMPTY: {
    zh: '数据库或 {{media}} 不是空的：请恢复到全新的数据库和媒体目录，或加 --force 先清空它们',
    en: 'The database or {{media}} is not empty: restore into a fresh database and media folder, or pass --force to delete what they hold first',
  },
  BUCKET_UNREACHABLE: { zh: '无法读写存储桶 {{bucket}}：{{detail}}（请检查 S3_* 设置）', en: 'Cannot work with the bucket {{bucket}}: {{detail}} (check the S3_* settings)' },
  RESTORE_OTHER_VERSION: {
    zh: '备份来自不同的版本：其迁移 {{theirs}} 不是本版本的 {{ours}}；请用生成备份的版本恢复',
    en: "The backup's schema does not match this build: its migration {{theirs}} is not this build's {{ours}}; restore it with the version that made it",
  },

  // The archive importer (npm run import: src/lib/import, src/scripts/import), in the operator's language
  IMPORT_USAGE: {
    zh: '用法：npm run import -- 文件|文件夹 [--bulk [--batch-size N]] [--dry-run] [--system 名称] [--format wxr|jsonl]',
    en: 'usage: npm run import -- FILE|FOLDER [--bulk [--batch-size N]] [--dry-run] [--system NAME] [--format wxr|jsonl]',
  },
  IMPORT_ONE_INPUT: { zh: '请指定一个归档文件或文件夹', en: 'name one archive file or folder' },
  IMPORT_INPUT_MISSING: { zh: '找不到 {{input}}', en: '{{input}} does not exist' },
  IMPORT_SYSTEM_EMPTY: { zh: '--system 需要一个名称', en: '--system needs a name' },
  IMPORT_BATCH_SIZE_INVALID: { zh: '--batch-size 应为 1 到 10000 之间的整数，而不是“{{value}}”', en: '--batch-size must be a whole number from 1 to 10000, not "{{value}}"' },
  IMPORT_FORMAT_UNKNOWN: { zh: '未知的格式“{{format}}”：可用 wxr 或 jsonl', en: 'unknown format "{{format}}": wxr or jsonl' },
  IMPORT_FOLDER_EMPTY: { zh: '{{input}} 中没有 {{extensions}} 文件', en: '{{input}} holds no {{extensions}} files' },
  IMPORT_FOLDER_FORMAT: { zh: '导入文件夹 {{input}} 时，请用 --format wxr 或 --format jsonl 指明格式', en: 'give --format wxr or --format jsonl for the files of the folder {{input}}' },
  IMPORT_FORMAT_UNTOLD: { zh: '无法从扩展名判断 {{input}} 的格式：请用 --format wxr 或 --format jsonl 指明', en: 'cannot tell the format of {{input}} from its extension: give --format wxr or --format jsonl' },
  IMPORT_RESUMING_LINES: { zh: '接着上次中断的导入，从第 {{count}} 行之后继续', en: 'resuming an interrupted import after {{count}} lines' },
  IMPORT_RESUMING_ITEMS: { zh: '接着上次中断的导入，从第 {{count}} 项之后继续', en: 'resuming an interrupted import after {{count}} items' },
  // Where in the archive
  IMPORT_AT_LINE: { zh: '第 {{line}} 行', en: 'line {{line}}' },
  IMPORT_AT_ITEM: { zh: '第 {{item}} 项（文章 {{post}}）', en: 'item {{item}} (post {{post}})' },
  IMPORT_AT_UNREAD_ITEM: { zh: '第 {{item}} 项', en: 'item {{item}}' },
  IMPORT_AT_IN_FILE: { zh: '{{file}} 的{{place}}', en: '{{file}} {{place}}' },
  // Why a line or item was not imported
  IMPORT_NOT_JSON: { zh: '不是有效的 JSON：{{detail}}', en: 'not valid JSON: {{detail}}' },
  IMPORT_NOT_JSON_OBJECT: { zh: '不是 JSON 对象', en: 'not a JSON object' },
  IMPORT_OBJECT_EXPECTED: { zh: '应为对象', en: 'expected an object' },
  IMPORT_TEXT_LIST_EXPECTED: { zh: '应为文字列表', en: 'expected a list of text' },
  IMPORT_COMMENT_LIST_EXPECTED: { zh: '应为评论列表', en: 'expected a list of comments' },
  IMPORT_ITEM_TOO_LONG: { zh: '“{{item}}”超过 {{max}} 个字符', en: '"{{item}}" is longer than {{max}} characters' },
  IMPORT_COMMENT_ID_REQUIRED: { zh: '必填：再次导入时靠它认出这条评论', en: 'required: how a re-import finds the comment' },
  IMPORT_SLUG_INVALID: { zh: '只能包含小写字母、数字和单个连字符', en: 'only lower-case letters, digits and single hyphens' },
  IMPORT_ISO_DATE_INVALID: { zh: '“{{text}}”不是 ISO 8601 日期或日期时间', en: '"{{text}}" is not an ISO 8601 date or date-time' },
  IMPORT_DATE_INVALID: { zh: '“{{text}}”不是日期', en: '"{{text}}" is not a date' },
  IMPORT_NOT_WXR: { zh: '不是 WordPress 导出文件：没有 <rss><channel>', en: 'not a WordPress export: no <rss><channel>' },
  IMPORT_XML_MALFORMED: { zh: 'XML 格式有误：{{detail}}（第 {{line}} 行）', en: 'not well-formed XML: {{detail}} (line {{line}})' },
  IMPORT_XML_EMPTY_ITEM: { zh: 'XML 格式有误：<item> 没有内容', en: 'not well-formed XML: an <item> without content' },
  IMPORT_XML_ITEM_UNCLOSED: { zh: 'XML 格式有误：文件结束时 <item> 尚未闭合', en: 'not well-formed XML: an <item> is not closed before the end of the file' },
  // Where an imported article differs from its source
  IMPORT_PASSWORD_PROTECTED: { zh: '原文设有访问密码：已导入为草稿，密码未导入', en: 'password-protected: imported as a draft, without the password' },
  IMPORT_COMMENTS_HELD: { zh: '原文未公开：评论已转为待审核', en: 'comments held for moderation: the post was not public' },
  IMPORT_UNTITLED: { zh: '没有标题：已导入为草稿，标题暂定为“{{title}}”', en: 'no title: imported as a draft titled "{{title}}"' },
  IMPORT_COMMENT_REPEATED: { zh: '评论 {{id}}：与之前一条评论的 ID 相同，未导入', en: 'comment {{id}}: a second comment with this id, left out' },
  IMPORT_COMMENT_EMPTY: { zh: '评论 {{id}}：没有内容，未导入', en: 'comment {{id}}: no text, left out' },
  IMPORT_COMMENT_TOO_LONG: { zh: '评论 {{id}}：超过 {{max}} 个字符，未导入', en: 'comment {{id}}: longer than {{max}} characters, left out' },
  IMPORT_COMMENT_NOT_WRITTEN: { zh: '评论 {{id}}：{{reason}}；未导入', en: 'comment {{id}}: {{reason}}; left out' },
  IMPORT_COMMENTS_NOT_WRITTEN: { zh: '评论：{{reason}}；均未导入', en: 'comments: {{reason}}; left out' },
  IMPORT_IMAGE_LINKED: { zh: '图片 {{src}}：{{reason}}；保留为链接', en: 'image {{src}}: {{reason}}; left as a link' },
  IMPORT_IMAGE_LEFT_OUT: { zh: '图片 {{src}}：{{reason}}；未导入', en: 'image {{src}}: {{reason}}; left out' },
  IMPORT_COVER_LEFT_OUT: { zh: '封面图 {{src}}：{{reason}}；未导入', en: 'cover image {{src}}: {{reason}}; left out' },
  // Why an image was not brought in
  IMPORT_NO_SUCH_FILE: { zh: '没有这个文件', en: 'no such file' },
  IMPORT_FILE_TOO_LARGE: { zh: '超过 {{max}} 字节', en: 'larger than {{max}} bytes' },
  IMPORT_NOT_AN_IMAGE: { zh: '不是 PNG、JPEG、GIF、WebP 或 AVIF 图片', en: 'not a PNG, JPEG, GIF, WebP or AVIF image' },
  IMPORT_NO_ADDRESS: { zh: '没有地址', en: 'no address' },
  IMPORT_SCHEME_REFUSED: { zh: '不导入 {{scheme}} 地址', en: '{{scheme}} addresses are not imported' },
  IMPORT_OUTSIDE_ARCHIVE: { zh: '位于归档文件夹之外', en: "outside the archive's folder" },
  IMPORT_ADDRESS_NOT_PUBLIC: { zh: '{{host}} 不是公网地址', en: '{{host}} is not a public address' },
  IMPORT_HOST_RESOLVES_PRIVATE: { zh: '{{host}} 解析到 {{address}}，不是公网地址', en: '{{host}} resolves to {{address}}, not a public address' },
  IMPORT_TOO_MANY_REDIRECTS: { zh: '重定向超过 {{max}} 次', en: 'more than {{max}} redirects' },
  IMPORT_HTTP_STATUS: { zh: '服务器返回 HTTP {{status}}', en: 'HTTP {{status}}' },
  // The summary and the progress bar
  IMPORT_SUMMARY_DRY_RUN: {
    zh: '试运行 {{file}}（{{format}}，来源系统“{{system}}”）：未写入任何内容；以下是正式导入会做的事。',
    en: 'Dry run of {{file}} ({{format}}, system "{{system}}"): nothing was written; this is what an import would do.',
  },
  IMPORT_SUMMARY_DONE: { zh: '已导入 {{file}}（{{format}}，来源系统“{{system}}”），用时 {{seconds}} 秒。', en: 'Imported {{file}} ({{format}}, system "{{system}}") in {{seconds}} s.' },
  IMPORT_SUMMARY_ARTICLES: {
    zh: '文章：新建 {{created}}，更新 {{updated}}，跳过 {{skipped}}，失败 {{failed}}',
    en: 'articles: {{created}} created, {{updated}} updated, {{skipped}} skipped, {{failed}} failed',
  },
  IMPORT_SUMMARY_COMMENTS: { zh: '评论：新建 {{created}}，跳过 {{skipped}}，失败 {{failed}}', en: 'comments: {{created}} created, {{skipped}} skipped, {{failed}} failed' },
  IMPORT_SUMMARY_NEW: {
    zh: '新建：作者 {{authors}} 位，频道 {{categories}} 个，标签 {{tags}} 个，图片 {{images}} 张',
    en: 'new: {{authors}} authors, {{categories}} categories, {{tags}} tags, {{images}} images',
  },
  IMPORT_SUMMARY_NEW_AUTHORS: { zh: '新作者：{{names}}', en: 'new authors: {{names}}' },
  IMPORT_SUMMARY_NEW_CATEGORIES: { zh: '新频道：{{names}}', en: 'new categories: {{names}}' },
  IMPORT_SUMMARY_NEW_TAGS: { zh: '新标签：{{names}}', en: 'new tags: {{names}}' },
  IMPORT_SUMMARY_EACH_ARTICLE: { zh: '各篇文章：', en: 'articles:' },
  IMPORT_SUMMARY_FAILURES: { zh: '失败：', en: 'failed:' },
  IMPORT_SUMMARY_WARNINGS: { zh: '警告：', en: 'warnings:' },
  IMPORT_PROGRESS: { zh: '{{count}} 篇  每秒 {{rate}} 篇  剩余 {{eta}}', en: '{{count}} articles  {{rate}}/s  ETA {{eta}}' },
  IMPORT_SECONDS: { zh: '{{count}} 秒', en: '{{count}} s' },
  IMPORT_MINUTES: { zh: '{{count}} 分钟', en: '{{count}} min' },
  IMPORT_HOURS: { zh: '{{count}} 小时', en: '{{count}} h' },
  IMPORT_TIME_UNKNOWN: { zh: '未知', en: '?' },

  // Accounts
  EMAIL_CHANGE_LINK_INVALID: { zh: '{{field}}无效或已使用过', en: 'The {{field}} is invalid or was used already' },
  EMAIL_CHANGE_LINK_EXPIRED: { zh: '{{field}}已过期，请重新申请更换邮箱', en: 'The {{field}} has expired: ask for the change again' },
  EMAIL_CHANGED: { zh: '邮箱已更改', en: 'The email was changed' },
  PASSWORD_REQUIRED: { zh: '请填写密码', en: 'A password is required' },
  PASSWORD_TOO_SHORT: { zh: '密码至少 {{min}} 个字符', en: 'The password needs at least {{min}} characters' },
  PASSWORD_TOO_LONG: { zh: '密码不能超过 {{max}} 个字符', en: 'The password can have at most {{max}} characters' },
  PASSWORD_ONE_CHARACTER: { zh: '密码不能是同一个字符的重复', en: 'The password cannot be one character repeated' },
  PASSWORD_IS_EMAIL: { zh: '密码不能与邮箱相同', en: 'The password cannot be the email address' },
  AUTH_RATE_LIMITED: { zh: '尝试次数过多，请 {{seconds}} 秒后再试', en: 'Too many attempts: try again in {{seconds}} seconds' },
  EMAIL_IN_USE: { zh: '{{field}}已被其他账号使用，未作更改', en: '{{field}} is used by another account: it was not changed' },
  CURRENT_PASSWORD_REQUIRED: { zh: '修改密码须同时填写{{field}}', en: 'Changing the password needs the {{field}}' },
  CURRENT_PASSWORD_INCORRECT: { zh: '{{field}}不正确', en: 'The {{field}} is not correct' },
  INTERNAL_AUTH_FIELD: { zh: '字段 {{field}} 由系统维护，任何人都不能通过接口写入', en: '{{field}} is kept by the system and nobody may write it through the API' },
  AUTH_FIELD_FORBIDDEN: { zh: '您不能设置字段 {{field}}：{{who}}', en: 'You may not set {{field}}: {{who}}' },
  ACCOUNT_EMAIL_BY_OWNER: { zh: '账号本人或管理员可以申请更换邮箱', en: 'only the account holder or an admin may change it' },
  ACCOUNT_PASSWORD_BY_OWNER: {
    zh: '本人修改需同时提供当前密码，其他人请使用找回密码',
    en: 'only the account holder may, with the current password; others use forgot-password',
  },
  ACCOUNT_VERIFIED_BY_LINK: { zh: '由验证邮件中的链接或管理员设置', en: 'it is set by the verification link or an admin' },
  ACCOUNT_SET_BY_OWNER: { zh: '由账号本人或管理员设置', en: 'it is set by the account holder or an admin' },
  ACCOUNT_SET_BY_MODERATORS: { zh: '由审核员或管理员设置', en: 'it is set by moderators and admins' },
  ACCOUNT_PENDING_EMAIL_BY_LINK: {
    zh: '通过修改 email 申请，由新邮箱中的确认链接生效',
    en: 'request it by changing email; the link sent to the new address confirms it',
  },
  ACCOUNT_LOCKED: {
    zh: '多次密码错误，账号已暂时锁定，{{field}}暂不能核对，请稍后再试',
    en: 'The account is locked after too many wrong passwords: the {{field}} cannot be checked until it unlocks',
  },

  // Site settings
  // Chinese terms and examples are values: the English text names them as they are written.
  ICP_NUMBER_FORMAT: {
    zh: 'ICP 备案号格式应为“省份简称 + {{kind}} + 6–10 位数字 + {{suffix}}”，可带“-序号”，例如 {{example}}',
    en: 'An ICP filing is the province, {{kind}}, 6 to 10 digits and {{suffix}}, optionally -N: for example {{example}}',
  },
  PUBLIC_SECURITY_NUMBER_FORMAT: {
    zh: '公安备案号格式应为“省份简称 + {{kind}} + 14 位数字 + {{suffix}}”，例如 {{example}}',
    en: 'A public security filing is the province, {{kind}}, 14 digits and {{suffix}}: for example {{example}}',
  },
  PUBLIC_SECURITY_NUMBER_PROVINCE: {
    zh: '公安备案号的前两位应为“{{province}}”的行政区划代码 {{code}}',
    en: 'The 14 digits of a {{province}} filing start with its division code {{code}}',
  },
  NEWS_LICENCE_NUMBER_FORMAT: { zh: '互联网新闻信息服务许可证编号应为 11 位数字', en: 'A news information service licence number has 11 digits' },
  YEAR_OUT_OF_RANGE: { zh: '应为 1990 到 {{latest}} 之间的年份', en: 'Expected a year from 1990 to {{latest}}' },
  COPYRIGHT_END_BEFORE_START: { zh: '截止年份不能早于起始年份', en: 'The end year cannot be before the start year' },

  // Webhook receivers
  URL_REQUIRED: { zh: '请填写网址', en: 'A URL is required' },
  URL_TOO_LONG: { zh: '网址不能超过 {{max}} 个字符', en: 'The URL can have at most {{max}} characters' },
  URL_NOT_ABSOLUTE: { zh: '应为以 http:// 或 https:// 开头的完整网址', en: 'Expected a whole URL starting with http:// or https://' },
  URL_NOT_HTTP: { zh: '只支持 http:// 或 https:// 网址', en: 'Only http:// and https:// URLs are supported' },
  URL_HAS_CREDENTIALS: { zh: '网址中不能包含用户名或密码', en: 'The URL cannot contain a user name or password' },
  URL_NOT_PUBLIC: {
    zh: '{{host}} 不是公网地址：不能指向本机、内网或保留地址',
    en: '{{host}} is not a public address: a receiver cannot be this machine, a private network or a reserved range',
  },

  // Channels
  CHANNEL_OWN_PARENT: { zh: '频道不能是自己的上级', en: 'A channel cannot be its own parent' },
  CHANNEL_PARENT_MISSING: { zh: '上级频道 {{id}} 不存在', en: 'Parent channel {{id}} does not exist' },
  CHANNEL_BELOW_DESCENDANT: { zh: '不能把频道移到它自己的下级频道之下', en: 'A channel cannot move below its own descendant' },
  CHANNEL_TOO_DEEP: { zh: '频道最多 {{max}} 级', en: 'Channels nest at most {{max}} levels' },
  CHANNEL_IN_USE: {
    zh: '频道仍有 {{channels}} 个下级频道和 {{articles}} 篇文章，请先移走',
    en: 'The channel still has {{channels}} sub-channels and {{articles}} articles: move them first',
  },

  // Articles
  BODY_LINK_UNSAFE: {
    zh: '正文中的链接只能是 http(s)、mailto、tel 或站内地址：{{link}}',
    en: 'Links in the body must be http(s), mailto, tel or relative: {{link}}',
  },

  // Scheduled publishing
  SCHEDULE_PUBLISHERS_ONLY: { zh: '只有总编或管理员可以安排或取消定时发布', en: 'Only the editor-in-chief or an admin may schedule or cancel a publication' },
  SCHEDULE_ACTION_UNKNOWN: { zh: '定时操作应为 publish（发布）或 unpublish（撤下）', en: 'Expected "publish" or "unpublish"' },
  SCHEDULE_TIME_FORMAT: { zh: '时间格式应为 ISO 8601，例如 {{example}}', en: 'Expected an ISO 8601 date-time, for example {{example}}' },
  SCHEDULE_TIME_PAST: { zh: '时间须在将来', en: 'The time must be in the future' },
  SCHEDULE_TIME_TOO_FAR: { zh: '时间须在 {{days}} 天以内', en: 'The time must be within {{days}} days' },

  // The review workflow of an article
  REVIEW_ACTION_UNKNOWN: { zh: '审核操作应为以下之一：{{actions}}', en: 'The review action must be one of: {{actions}}' },
  REVIEW_NOTE_TOO_LONG: { zh: '审核意见不能超过 {{max}} 个字符', en: 'The note can be at most {{max}} characters' },
  REVIEW_NOTE_REQUIRED: { zh: '退回修改时请写明需要修改的地方', en: 'Say what needs changing when you send an article back' },
  REVIEW_ROLE_MAY_NOT: { zh: '您的角色不能{{action}}：这一步由{{roles}}操作', en: 'Your role cannot {{action}}: this step is for {{roles}}' },
  REVIEW_WRONG_STATE: {
    zh: '文章当前为{{state}}，不能{{action}}：只有{{from}}的文章可以这样操作',
    en: 'The article is {{state}}, so it cannot {{action}}: only an article that is {{from}} can',
  },
  REVIEW_NOT_OWN_ARTICLE: { zh: '记者只能提交或撤回自己写的文章', en: 'Reporters submit and withdraw only their own articles' },
  REVIEW_STAFF_ONLY: { zh: '只有编辑部人员参与审核', en: 'Only staff take part in review' },
  SCREENING_REPORT_EDITORS_ONLY: { zh: '仅限编辑、总编和管理员查看', en: 'Editors, the editor-in-chief and admins only' },
  OVERRIDE_PUBLISHERS_ONLY: { zh: '只有总编和管理员可以放行需审核的词语', en: 'Only the editor-in-chief and admins let review words through' },
  OVERRIDE_REASON_REQUIRED: { zh: '请写明放行理由（不超过 {{max}} 个字符）', en: 'Give a reason of at most {{max}} characters' },
  OVERRIDE_REJECT_WORDS: { zh: '禁止发布的词语不能放行，请修改文章', en: 'Words that must not be published cannot be let through: edit the article' },
  OVERRIDE_NOTHING_PENDING: { zh: '这篇文章没有需要放行的词语', en: 'Nothing in this article needs letting through' },
  ARTICLE_HAS_REJECTED_WORDS: {
    zh: '文章包含禁止发布的词语，请修改后再提交：{{hits}}',
    en: 'The article contains words that must not be published; edit it and submit again: {{hits}}',
  },
  ARTICLE_NEEDS_OVERRIDE: {
    zh: '文章包含需总编放行的词语：{{hits}}',
    en: "The article contains words that need the editor-in-chief's override: {{hits}}",
  },

  // Comments and reader accounts kept after deletion (互联网跟帖评论服务管理规定)
  RECORD_KEPT_IN_TRASH: {
    zh: '评论和读者账号删除后须保存记录：只能移入垃圾箱（设置 deletedAt），保存期满后由系统清除',
    en: 'Comments and reader accounts are kept after deletion: they can only be moved to the trash (set deletedAt), and are purged when the retention period ends',
  },

  // Comments (the moderation pipeline's refusals)
  COMMENT_ARTICLE_REQUIRED: { zh: '请指明评论的是哪篇文章', en: 'Say which article the comment is on' },
  COMMENT_REPLY_ELSEWHERE: { zh: '只能回复同一篇文章下已公开的评论', en: 'A reply must answer a published comment on the same article' },
  COMMENT_TOO_SHORT: { zh: '评论太短：须为 {{min}} 至 {{max}} 个字', en: 'The comment is too short: it must be {{min}} to {{max}} characters' },
  COMMENT_TOO_LONG: { zh: '评论太长：须为 {{min}} 至 {{max}} 个字', en: 'The comment is too long: it must be {{min}} to {{max}} characters' },
  COMMENT_ARTICLE_UNPUBLISHED: { zh: '文章未发布，不能评论', en: 'This article is not published and cannot be commented on' },
  COMMENTS_CLOSED: { zh: '该文章已关闭评论', en: 'Comments are closed on this article' },
  COMMENTER_BANNED: { zh: '您的账号已被禁止评论', en: 'Your account is banned from commenting' },
  COMMENTER_SUSPENDED: { zh: '您的账号已被暂停评论', en: 'Your account is suspended from commenting' },
  COMMENTER_SUSPENDED_UNTIL: {
    zh: '您的账号已被暂停评论，至北京时间 {{until}}',
    en: 'Your account is suspended from commenting until {{until}} (Beijing time, UTC+8)',
  },
  COMMENT_TOO_OFTEN: { zh: '评论太频繁，请 {{seconds}} 秒后再试', en: 'You are commenting too often: try again in {{seconds}} seconds' },
  COMMENT_NETWORK_TOO_OFTEN: {
    zh: '该网络评论过多，请 {{seconds}} 秒后再试',
    en: 'Too many comments from your network: try again in {{seconds}} seconds',
  },

  // What the screening records on a stored comment (its `screening` notes)
  SCREENING_REPEAT: { zh: '{{seconds}} 秒内重复发布相同内容', en: "Same text as this reader's comment within {{seconds}} s" },
  SCREENING_LINKS: { zh: '{{links}} 个链接，上限 {{max}}', en: '{{links}} links, limit {{max}}' },
  SCREENING_BANNED_WORDS: { zh: '含禁用词：{{words}}', en: 'Banned words: {{words}}' },
  SCREENING_SUSPECT_WORDS: { zh: '含待审词：{{words}}', en: 'Words to review: {{words}}' },
  SCREENING_MASKED: { zh: '已屏蔽：{{words}}', en: 'Masked: {{words}}' },
  SCREENING_NEW_COMMENTER: { zh: '新读者：已通过 {{approved}} 条，前 {{hold}} 条须审核', en: 'New commenter: {{approved}} approved, the first {{hold}} are held' },
  SCREENING_HELD_BY: { zh: '待审核：{{rules}}', en: 'Held for a moderator by: {{rules}}' },
  SCREENING_ALL_HELD: { zh: '全部先审：待审核', en: 'Every comment is moderated first: held' },
  SCREENING_POST_APPROVED: { zh: '先发后审：通过', en: 'Post-moderation: approved' },
  SCREENING_TRUSTED_READER: { zh: '先审后发，可信读者（已通过 {{approved}} 条）：通过', en: 'Pre-moderation, trusted reader ({{approved}} approved): approved' },
  SCREENING_DEMO_CONTENT: { zh: '演示数据', en: 'demo content' },
  SCREENING_BENCHMARK_CONTENT: { zh: '基准测试数据', en: 'benchmark content' },

  REPORT_READERS_ONLY: { zh: '请先以读者身份登录再举报', en: 'Log in as a reader to report a comment' },
  REPORT_REASON_LENGTH: { zh: '请写明举报理由（1 至 {{max}} 个字）', en: 'Give a reason of 1 to {{max}} characters' },
  COMMENT_NOT_FOUND: { zh: '找不到这条评论', en: 'Comment not found' },
  // 点赞 (src/collections/Comments/endpoints/like.ts)
  COMMENT_LIKE_LOGIN_REQUIRED: { zh: '请先登录读者账号再点赞', en: 'Log in with a reader account to like a comment' },
  COMMENT_LIKE_READERS_ONLY: { zh: '只有读者账号可以点赞', en: 'Only reader accounts can like comments' },
  COMMENT_ID_INVALID: { zh: '评论 ID 应为正整数', en: 'A comment id is a positive whole number' },
  COMMENT_IDS_INVALID: { zh: '请给出 1 至 {{max}} 个评论 ID，以逗号分隔，每个都是正整数', en: 'Give 1 to {{max}} comment ids, separated by commas, each a positive whole number' },
  // 通知 (src/collections/Notifications)
  NOTIFICATIONS_LOGIN_REQUIRED: { zh: '请先登录读者账号再查看通知', en: 'Log in with a reader account to see your notifications' },
  NOTIFICATIONS_READERS_ONLY: { zh: '只有读者账号有通知', en: 'Only reader accounts have notifications' },
  NOTIFICATION_READ_INVALID: {
    zh: '请给出 { "all": true }，或 1 至 {{max}} 个通知 ID 的列表 { "ids": [...] }，每个都是正整数',
    en: 'Send { "all": true }, or a list of 1 to {{max}} notification ids, { "ids": [...] }, each a positive whole number',
  },
  COMMENT_LIKE_RATE_LIMITED: { zh: '点赞过于频繁，请 {{seconds}} 秒后再试', en: 'Too many likes: try again in {{seconds}} seconds' },
  // 后台实名: binding a mobile number (src/collections/Readers/endpoints/phone.ts)
  PHONE_REQUIRED: { zh: '请先在账号页绑定手机号，再发表评论或提交纠错', en: 'Bind a mobile number on your account page before you comment or send a correction request' },
  PHONE_LOGIN_REQUIRED: { zh: '请先登录读者账号再绑定手机号', en: 'Log in with a reader account to bind a mobile number' },
  PHONE_READERS_ONLY: { zh: '只有读者账号可以绑定手机号', en: 'Only reader accounts bind mobile numbers' },
  PHONE_NUMBER_INVALID: {
    zh: '请填写有效的手机号：中国大陆号码为 11 位（可加 +86），其他地区请以 + 和国家代码开头',
    en: 'Give a valid mobile number: 11 digits for mainland China (+86 optional), others starting with + and the country code',
  },
  PHONE_CODE_SHAPE: { zh: '验证码为 6 位数字', en: 'The code is 6 digits' },
  PHONE_CODE_RATE_LIMITED: { zh: '获取验证码过于频繁，请 {{seconds}} 秒后再试', en: 'Too many codes asked for: try again in {{seconds}} seconds' },
  PHONE_NUMBER_TAKEN: { zh: '该手机号已绑定其他账号', en: 'This number is bound to another account already' },
  PHONE_CODE_NOT_SENT: { zh: '短信发送失败，请稍后重试', en: 'The text message could not be sent: try again later' },
  PHONE_CODE_SENT: { zh: '验证码已发送，{{minutes}} 分钟内有效', en: 'Code sent: it works for {{minutes}} minutes' },
  PHONE_CODE_NONE: { zh: '请先获取验证码', en: 'Ask for a code first' },
  PHONE_CODE_WRONG: { zh: '验证码不正确，还可尝试 {{tries}} 次', en: 'Wrong code: {{tries}} tries left' },
  PHONE_CODE_EXPIRED: { zh: '验证码已过期，请重新获取', en: 'The code has expired: ask for a new one' },
  PHONE_CODE_DEAD: { zh: '验证码错误次数过多，已失效，请重新获取', en: 'Too many wrong tries: the code no longer works; ask for a new one' },
  PHONE_BOUND: { zh: '手机号已绑定', en: 'Mobile number bound' },
  PHONE_REVEAL_ADMINS_ONLY: { zh: '只有管理员可以查看完整手机号', en: 'Only admins may see a full mobile number' },
  PHONE_REVEAL_REASON: { zh: '请写明查看理由（1 至 {{max}} 个字），将记入审计日志', en: 'Give a reason of 1 to {{max}} characters: it goes into the audit log' },
  PHONE_NOT_BOUND: { zh: '该读者没有绑定手机号', en: 'This reader has no bound mobile number' },
  PHONE_KEY_MISMATCH: { zh: '手机号以其他密钥加密，无法解密（见 PHONE_ENCRYPTION_KEY）', en: 'The number was encrypted with another key and cannot be decrypted (see PHONE_ENCRYPTION_KEY)' },
  READER_ID_INVALID: { zh: '读者 ID 应为正整数', en: 'A reader id is a positive whole number' },
  READER_NOT_FOUND: { zh: '找不到这个读者', en: 'Reader not found' },
  // A moderator's bulk action in the admin's comment list, and its failure to reach the server
  COMMENTS_BULK_SET: { zh: '已将 {{count}} 条评论设为{{state}}', en: 'Set {{count}} comment(s) to {{state}}' },
  REQUEST_NOT_SENT: { zh: '网络错误，请求未送达，请重试', en: 'Network error: the request did not go through; try again' },

  // Uploads
  MEDIA_SHOWN_BY_LIVE_ARTICLE: {
    zh: '此图片用于已发布的文章{{articles}}，只有总编或管理员可以修改或删除它',
    en: 'This image is shown by the published article(s) {{articles}}: only the editor-in-chief or an admin may change or delete it',
  },
  UPLOAD_NOT_AN_IMAGE: { zh: '只接受 JPEG、PNG、WebP、GIF 或 AVIF 图片', en: 'Only JPEG, PNG, WebP, GIF and AVIF images are accepted' },

  // Correction requests
  CORRECTION_SUBMISSION_REFUSED: { zh: '提交未被接受', en: 'The submission was not accepted' },
  CORRECTION_ARTICLE_UNPUBLISHED: { zh: '只能对已发布的文章纠错', en: 'Only published articles can be corrected' },
  CORRECTION_WORD_NOT_ALLOWED: { zh: '包含不允许的词语：{{words}}', en: 'Contains words that are not allowed: {{words}}' },
  CORRECTION_QUOTE_REQUIRED: { zh: '请摘录文中有误的原文', en: 'Quote the passage as it was published' },
  CORRECTION_TOO_OFTEN: { zh: '纠错提交过于频繁，请 {{seconds}} 秒后再试', en: 'Too many correction requests: try again in {{seconds}} seconds' },
  CORRECTION_STATUS_UNKNOWN: { zh: '未知的状态 {{status}}；可用状态：{{known}}', en: 'Unknown status {{status}}; known statuses: {{known}}' },
  CORRECTION_TRANSITION_REFUSED: {
    zh: '不能从{{from}}改为{{to}}；可改为：{{allowed}}',
    en: 'The status cannot change from {{from}} to {{to}}; it can change to: {{allowed}}',
  },
  CORRECTION_FINAL_STATUS: { zh: '{{from}}是最终状态，不能再改为{{to}}', en: '{{from}} is a final status: it cannot change to {{to}}' },
  CORRECTION_NOTICE_MISSING: {
    zh: '文章上还没有对应此纠错的更正说明：请先在文章中添加一条（来源选本纠错），或在{{field}}中写明原因',
    en: 'The article has no correction notice for this request: add one to the article (with this request as its source), or say why none is needed in {{field}}',
  },
  CORRECTION_NOTICE_OTHER_ARTICLE: {
    zh: '纠错 #{{request}} 针对的是另一篇文章：更正说明只能来自本文收到的纠错',
    en: 'Correction request #{{request}} is about another article: a notice can only come from a request on this one',
  },
  CORRECTION_NOTICE_UNPUBLISHED: {
    zh: '文章的草稿中已有对应此纠错的更正说明，但尚未发布：请总编发布文章后，再标记为已更正',
    en: "The article's draft has a correction notice for this request, but it is not published yet: the editor-in-chief must publish the article before the request can be marked corrected",
  },
} as const satisfies Record<string, { zh: string; en: string }>
