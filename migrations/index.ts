import * as migration_20261129_125651_initial from './20261129_125651_initial';
import * as migration_20261129_135127_readers_comments_moderation from './20261129_135127_readers_comments_moderation';
import * as migration_20261129_140404_correction_requests from './20261129_140404_correction_requests';
import * as migration_20261129_142600_article_search from './20261129_142600_article_search';
import * as migration_20261129_153014_webhooks from './20261129_153014_webhooks';
import * as migration_20261129_154311_api_clients from './20261129_154311_api_clients';
import * as migration_20261129_155009_review_workflow_audit_log from './20261129_155009_review_workflow_audit_log';
import * as migration_20261129_155847_audit_retention from './20261129_155847_audit_retention';
import * as migration_20261129_180500_search_ranking from './20261129_180500_search_ranking';
import * as migration_20261129_210222_webhook_slow_lane from './20261129_210222_webhook_slow_lane';
import * as migration_20261130_010000_search_by_date_within_tiers from './20261130_010000_search_by_date_within_tiers';
import * as migration_20261202_043000_search_totals_up_to_a_limit from './20261202_043000_search_totals_up_to_a_limit';
import * as migration_20261206_050000_search_segmentation from './20261206_050000_search_segmentation';
import * as migration_20261206_202226_account_email_change from './20261206_202226_account_email_change';
import * as migration_20261206_202300_audit_attempted_email from './20261206_202300_audit_attempted_email';
import * as migration_20261206_213000_live_article_images from './20261206_213000_live_article_images';
import * as migration_20261207_015207_admin_titles from './20261207_015207_admin_titles';
import * as migration_20261207_022132_published_at_time_zone from './20261207_022132_published_at_time_zone';
import * as migration_20261207_031230_imported_comments from './20261207_031230_imported_comments';
import * as migration_20261207_042157_bulk_import from './20261207_042157_bulk_import';
import * as migration_20261207_043000_channel_list_index from './20261207_043000_channel_list_index';
import * as migration_20261207_050000_search_walks_by_date from './20261207_050000_search_walks_by_date';
import * as migration_20261207_125623_search_engine_pushes from './20261207_125623_search_engine_pushes';
import * as migration_20261207_130000_admin_list_order from './20261207_130000_admin_list_order';
import * as migration_20261207_130000_sitemap_indexes from './20261207_130000_sitemap_indexes';
import * as migration_20261207_133937_comment_likes from './20261207_133937_comment_likes';
import * as migration_20261207_140000_related_articles from './20261207_140000_related_articles';
import * as migration_20261207_150000_article_views from './20261207_150000_article_views';
import * as migration_20261207_153415_reader_phones from './20261207_153415_reader_phones';
import * as migration_20261207_153507_notifications from './20261207_153507_notifications';
import * as migration_20261207_153745_upload_storage_fields from './20261207_153745_upload_storage_fields';
import * as migration_20261207_164107_comment_ip_region_and_trash from './20261207_164107_comment_ip_region_and_trash';
import * as migration_20261207_190000_search_counts_newest_first from './20261207_190000_search_counts_newest_first';
import * as migration_20261207_200000_channel_list_order_index from './20261207_200000_channel_list_order_index';
import * as migration_20261208_010000_search_vector_uncompressed from './20261208_010000_search_vector_uncompressed';

export const migrations = [
  {
    up: migration_20261129_125651_initial.up,
    down: migration_20261129_125651_initial.down,
    name: '20261129_125651_initial',
  },
  {
    up: migration_20261129_135127_readers_comments_moderation.up,
    down: migration_20261129_135127_readers_comments_moderation.down,
    name: '20261129_135127_readers_comments_moderation',
  },
  {
    up: migration_20261129_140404_correction_requests.up,
    down: migration_20261129_140404_correction_requests.down,
    name: '20261129_140404_correction_requests',
  },
  {
    up: migration_20261129_142600_article_search.up,
    down: migration_20261129_142600_article_search.down,
    name: '20261129_142600_article_search',
  },
  {
    up: migration_20261129_153014_webhooks.up,
    down: migration_20261129_153014_webhooks.down,
    name: '20261129_153014_webhooks',
  },
  {
    up: migration_20261129_154311_api_clients.up,
    down: migration_20261129_154311_api_clients.down,
    name: '20261129_154311_api_clients',
  },
  {
    up: migration_20261129_155009_review_workflow_audit_log.up,
    down: migration_20261129_155009_review_workflow_audit_log.down,
    name: '20261129_155009_review_workflow_audit_log',
  },
  {
    up: migration_20261129_155847_audit_retention.up,
    down: migration_20261129_155847_audit_retention.down,
    name: '20261129_155847_audit_retention',
  },
  {
    up: migration_20261129_180500_search_ranking.up,
    down: migration_20261129_180500_search_ranking.down,
    name: '20261129_180500_search_ranking',
  },
  {
    up: migration_20261129_210222_webhook_slow_lane.up,
    down: migration_20261129_210222_webhook_slow_lane.down,
    name: '20261129_210222_webhook_slow_lane',
  },
  {
    up: migration_20261130_010000_search_by_date_within_tiers.up,
    down: migration_20261130_010000_search_by_date_within_tiers.down,
    name: '20261130_010000_search_by_date_within_tiers',
  },
  {
    up: migration_20261202_043000_search_totals_up_to_a_limit.up,
    down: migration_20261202_043000_search_totals_up_to_a_limit.down,
    name: '20261202_043000_search_totals_up_to_a_limit',
  },
  {
    up: migration_20261206_050000_search_segmentation.up,
    down: migration_20261206_050000_search_segmentation.down,
    name: '20261206_050000_search_segmentation',
  },
  {
    up: migration_20261206_202226_account_email_change.up,
    down: migration_20261206_202226_account_email_change.down,
    name: '20261206_202226_account_email_change',
  },
  {
    up: migration_20261206_202300_audit_attempted_email.up,
    down: migration_20261206_202300_audit_attempted_email.down,
    name: '20261206_202300_audit_attempted_email',
  },
  {
    up: migration_20261206_213000_live_article_images.up,
    down: migration_20261206_213000_live_article_images.down,
    name: '20261206_213000_live_article_images',
  },
  {
    up: migration_20261207_015207_admin_titles.up,
    down: migration_20261207_015207_admin_titles.down,
    name: '20261207_015207_admin_titles',
  },
  {
    up: migration_20261207_022132_published_at_time_zone.up,
    down: migration_20261207_022132_published_at_time_zone.down,
    name: '20261207_022132_published_at_time_zone',
  },
  {
    up: migration_20261207_031230_imported_comments.up,
    down: migration_20261207_031230_imported_comments.down,
    name: '20261207_031230_imported_comments',
  },
  {
    up: migration_20261207_042157_bulk_import.up,
    down: migration_20261207_042157_bulk_import.down,
    name: '20261207_042157_bulk_import',
  },
  {
    up: migration_20261207_043000_channel_list_index.up,
    down: migration_20261207_043000_channel_list_index.down,
    name: '20261207_043000_channel_list_index',
  },
  {
    up: migration_20261207_050000_search_walks_by_date.up,
    down: migration_20261207_050000_search_walks_by_date.down,
    name: '20261207_050000_search_walks_by_date',
  },
  {
    up: migration_20261207_125623_search_engine_pushes.up,
    down: migration_20261207_125623_search_engine_pushes.down,
    name: '20261207_125623_search_engine_pushes',
  },
  {
    up: migration_20261207_130000_admin_list_order.up,
    down: migration_20261207_130000_admin_list_order.down,
    name: '20261207_130000_admin_list_order',
  },
  {
    up: migration_20261207_130000_sitemap_indexes.up,
    down: migration_20261207_130000_sitemap_indexes.down,
    name: '20261207_130000_sitemap_indexes',
  },
  {
    up: migration_20261207_133937_comment_likes.up,
    down: migration_20261207_133937_comment_likes.down,
    name: '20261207_133937_comment_likes',
  },
  {
    up: migration_20261207_140000_related_articles.up,
    down: migration_20261207_140000_related_articles.down,
    name: '20261207_140000_related_articles',
  },
  {
    up: migration_20261207_150000_article_views.up,
    down: migration_20261207_150000_article_views.down,
    name: '20261207_150000_article_views',
  },
  {
    up: migration_20261207_153415_reader_phones.up,
    down: migration_20261207_153415_reader_phones.down,
    name: '20261207_153415_reader_phones',
  },
  {
    up: migration_20261207_153507_notifications.up,
    down: migration_20261207_153507_notifications.down,
    name: '20261207_153507_notifications',
  },
  {
    up: migration_20261207_153745_upload_storage_fields.up,
    down: migration_20261207_153745_upload_storage_fields.down,
    name: '20261207_153745_upload_storage_fields',
  },
  {
    up: migration_20261207_164107_comment_ip_region_and_trash.up,
    down: migration_20261207_164107_comment_ip_region_and_trash.down,
    name: '20261207_164107_comment_ip_region_and_trash'
  },
  {
    up: migration_20261207_190000_search_counts_newest_first.up,
    down: migration_20261207_190000_search_counts_newest_first.down,
    name: '20261207_190000_search_counts_newest_first'
  },
  {
    up: migration_20261207_200000_channel_list_order_index.up,
    down: migration_20261207_200000_channel_list_order_index.down,
    name: '20261207_200000_channel_list_order_index'
  },
  {
    up: migration_20261208_010000_search_vector_uncompressed.up,
    down: migration_20261208_010000_search_vector_uncompressed.down,
    name: '20261208_010000_search_vector_uncompressed'
  },
];
