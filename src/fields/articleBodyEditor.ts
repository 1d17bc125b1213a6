import {
  BlockquoteFeature,
  BoldFeature,
  FixedToolbarFeature,
  HeadingFeature,
  HorizontalRuleFeature,
  InlineToolbarFeature,
  ItalicFeature,
  lexicalEditor,
  LinkFeature,
  OrderedListFeature,
  ParagraphFeature,
  StrikethroughFeature,
  UnderlineFeature,
  UnorderedListFeature,
  UploadFeature,
} from '@payloadcms/richtext-lexical'
import { ARTICLES_SLUG } from '../slugs'

/**
 * What a news body needs and nothing a reader's page cannot render: section headings, lists,
 * quotes, links and images, each image placement with its own caption (the same photo can be
 * captioned differently in two stories).
 */
export const articleBodyEditor = lexicalEditor({
  features: [
    ParagraphFeature(),
    HeadingFeature({ enabledHeadingSizes: ['h2', 'h3', 'h4'] }),
    BoldFeature(),
    ItalicFeature(),
    UnderlineFeature(),
    StrikethroughFeature(),
    UnorderedListFeature(),
    OrderedListFeature(),
    BlockquoteFeature(),
    HorizontalRuleFeature(),
    LinkFeature({ enabledCollections: [ARTICLES_SLUG] }),
    UploadFeature({
      collections: {
        media: {
          fields: [{ name: 'caption', type: 'text', label: { en: 'Caption', zh: '图片说明' }, maxLength: 500 }],
        },
      },
    }),
    FixedToolbarFeature(),
    InlineToolbarFeature(),
  ],
})
