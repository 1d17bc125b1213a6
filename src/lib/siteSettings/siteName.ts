/** What the portal and the feeds call the site until an editor names it in the site settings. */
export const DEFAULT_SITE_NAME = '财经新闻'
