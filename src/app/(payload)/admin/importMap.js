import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StrikethroughFeatureClient as StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UploadFeatureClient as UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { FixedToolbarFeatureClient as FixedToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ReviewPanel as ReviewPanel_176db3e0d68114a4f1814b2462895ab6 } from '../../../components/ReviewPanel'
import { LogRowLabel as LogRowLabel_1466e4d3c011b3fd8057674ad29352fd } from '../../../components/LogRowLabel'
import { JsonView as JsonView_960b80fa6dd849a938ffe34a4a0bfb02 } from '../../../components/JsonView'
import { SaveDraftButton as SaveDraftButton_196f3987ac53e79f429ef2870bf3a0ac } from '../../../components/SaveDraftButton'
import { ProfessionCell as ProfessionCell_4510e663ce7cb02132d6178a1125124b } from '../../../components/Commenter'
import { ProfessionField as ProfessionField_4510e663ce7cb02132d6178a1125124b } from '../../../components/Commenter'
import { CommenterCell as CommenterCell_4510e663ce7cb02132d6178a1125124b } from '../../../components/Commenter'
import { ScreeningCell as ScreeningCell_c5b3510ab01aefb7b895b02d9ddb07dd } from '../../../components/ScreeningSummary'
import { ScreeningField as ScreeningField_c5b3510ab01aefb7b895b02d9ddb07dd } from '../../../components/ScreeningSummary'
import { OpenOnPendingQueue as OpenOnPendingQueue_556878330d7a47f3aa10951cb5056c56 } from '../../../components/OpenOnPendingQueue'
import { CommentBulkActions as CommentBulkActions_50c1c47d0c26a90b6420b898ff58529b } from '../../../components/CommentBulkActions'
import { CurrentPasswordField as CurrentPasswordField_28d17a3fb57fcfdd84576cae29621dd2 } from '../../../components/CurrentPasswordField'
import { RevealPhone as RevealPhone_d9555e345fec13f775fe893780b2b80a } from '../../../components/RevealPhone'
import { ReviewQueues as ReviewQueues_abb984e51dd4f40489e478cf0d1bf14e } from '../../../components/ReviewQueues'
import { PendingCommentsLink as PendingCommentsLink_20b516d48cf08a836aceb3ccedaef132 } from '../../../components/PendingCommentsLink'
import { DatePickerLanguage as DatePickerLanguage_7e7201c94a82cb4e3a74312b3167d835 } from '../../../components/DatePickerLanguage'
import { S3ClientUploadHandler as S3ClientUploadHandler_f97aa6c64367fa259c5bc0567239ef24 } from '@payloadcms/storage-s3/client'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#StrikethroughFeatureClient": StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UploadFeatureClient": UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#FixedToolbarFeatureClient": FixedToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/components/ReviewPanel#ReviewPanel": ReviewPanel_176db3e0d68114a4f1814b2462895ab6,
  "/components/LogRowLabel#LogRowLabel": LogRowLabel_1466e4d3c011b3fd8057674ad29352fd,
  "/components/JsonView#JsonView": JsonView_960b80fa6dd849a938ffe34a4a0bfb02,
  "/components/SaveDraftButton#SaveDraftButton": SaveDraftButton_196f3987ac53e79f429ef2870bf3a0ac,
  "/components/Commenter#ProfessionCell": ProfessionCell_4510e663ce7cb02132d6178a1125124b,
  "/components/Commenter#ProfessionField": ProfessionField_4510e663ce7cb02132d6178a1125124b,
  "/components/Commenter#CommenterCell": CommenterCell_4510e663ce7cb02132d6178a1125124b,
  "/components/ScreeningSummary#ScreeningCell": ScreeningCell_c5b3510ab01aefb7b895b02d9ddb07dd,
  "/components/ScreeningSummary#ScreeningField": ScreeningField_c5b3510ab01aefb7b895b02d9ddb07dd,
  "/components/OpenOnPendingQueue#OpenOnPendingQueue": OpenOnPendingQueue_556878330d7a47f3aa10951cb5056c56,
  "/components/CommentBulkActions#CommentBulkActions": CommentBulkActions_50c1c47d0c26a90b6420b898ff58529b,
  "/components/CurrentPasswordField#CurrentPasswordField": CurrentPasswordField_28d17a3fb57fcfdd84576cae29621dd2,
  "/components/RevealPhone#RevealPhone": RevealPhone_d9555e345fec13f775fe893780b2b80a,
  "/components/ReviewQueues#ReviewQueues": ReviewQueues_abb984e51dd4f40489e478cf0d1bf14e,
  "/components/PendingCommentsLink#PendingCommentsLink": PendingCommentsLink_20b516d48cf08a836aceb3ccedaef132,
  "/components/DatePickerLanguage#DatePickerLanguage": DatePickerLanguage_7e7201c94a82cb4e3a74312b3167d835,
  "@payloadcms/storage-s3/client#S3ClientUploadHandler": S3ClientUploadHandler_f97aa6c64367fa259c5bc0567239ef24,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
