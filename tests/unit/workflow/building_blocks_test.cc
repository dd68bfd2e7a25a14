// Tests of the small parts the workflow is built from: masking personal data, judging attached
// files by content, the .docx writer and template filling, the document body format, and the
// cryptographic primitives (SM3 known-answer values).
#include <gtest/gtest.h>
#include <zip.h>

#include "workflow/attachments.h"
#include "workflow/crypto.h"
#include "workflow/document_body.h"
#include "workflow/docx_writer.h"
#include "workflow/masking.h"

namespace shujian::workflow {
namespace {

TEST(MaskingTest, IdNumbersNamesAndPlates) {
  EXPECT_EQ(MaskIdNumber("420304198001012510", PersonalDataView::kPlain), "420304198001012510");
  EXPECT_EQ(MaskIdNumber("420304198001012510", PersonalDataView::kPartial), "420304********2510");
  EXPECT_EQ(MaskIdNumber("420304198001012510", PersonalDataView::kMasked), "4****************0");
  EXPECT_EQ(MaskIdNumber("420304198001012510", PersonalDataView::kNone), "");
  EXPECT_EQ(MaskName("陈某某", PersonalDataView::kMasked), "陈**");
  EXPECT_EQ(MaskName("陈", PersonalDataView::kMasked), "陈*");
  EXPECT_EQ(MaskName("陈某某", PersonalDataView::kPlain), "陈某某");
  EXPECT_EQ(MaskPlate("鄂C12345", PersonalDataView::kMasked), "鄂C***45");
  EXPECT_EQ(MaskIdNumbersInText("当事人420304198001012510，电话13800000000，案号2024-001",
                                PersonalDataView::kPartial),
            "当事人420304********2510，电话13800000000，案号2024-001");
  EXPECT_EQ(MaskIdNumbersInText("42030419800101251x", PersonalDataView::kMasked),
            "4****************x");
  EXPECT_EQ(MaskIdNumbersInText("420304800101251", PersonalDataView::kPartial), "420304*****1251");
}

TEST(AttachmentsTest, TypeIsJudgedByContent) {
  EXPECT_EQ(SniffFileType("%PDF-1.7\n...").kind, "pdf");
  EXPECT_EQ(SniffFileType("\xFF\xD8\xFF\xE0\x00\x10JFIF").kind, "jpeg");
  EXPECT_EQ(SniffFileType("\x89PNG\r\n\x1A\n....").kind, "png");
  EXPECT_EQ(SniffFileType("PK\x03\x04 not really a zip").kind, "");
  EXPECT_EQ(SniffFileType("<html>").kind, "");
  auto docx =
      WriteDocx({{"[Content_Types].xml", "<Types/>"}, {"word/document.xml", "<w:document/>"}});
  ASSERT_TRUE(docx.ok());
  EXPECT_EQ(SniffFileType(*docx).kind, "docx");
  auto xlsx = WriteDocx({{"[Content_Types].xml", "<Types/>"}, {"xl/workbook.xml", "<workbook/>"}});
  EXPECT_EQ(SniffFileType(*xlsx).kind, "");
}

TEST(AttachmentsTest, UploadsAreCheckedAndNamesStripped) {
  std::vector<std::string> documents = {"pdf", "docx", "jpeg", "png"};
  auto ok = CheckUpload({"../../etc/回复函.pdf", "%PDF-1.4 body"}, documents, 1000, "回复文书");
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ(ok->file_name, "回复函.pdf");
  EXPECT_EQ(ok->media_type, "application/pdf");
  EXPECT_EQ(ok->sha256, Sha256Hex("%PDF-1.4 body"));
  EXPECT_EQ(CheckUpload({"a.pdf", ""}, documents, 1000, "回复文书").status().code(),
            StatusCode::kInvalidArgument);
  auto too_big =
      CheckUpload({"a.pdf", "%PDF-" + std::string(2000, 'x')}, documents, 1000, "回复文书");
  ASSERT_FALSE(too_big.ok());
  EXPECT_NE(too_big.status().message().find("超过上限"), std::string::npos);
  auto wrong = CheckUpload({"photo.jpg", "%PDF-1.4"}, {"jpeg", "png"}, 1000, "巡查照片");
  ASSERT_FALSE(wrong.ok());
  EXPECT_NE(wrong.status().message().find("PDF"), std::string::npos) << wrong.status().message();
}

TEST(CryptoTest, KnownAnswers) {
  // GB/T 32905-2016 example 1 via HMAC is not published; SHA-256 and SM3 digests are checked
  // through HMAC with an empty message against values computed by `openssl mac`.
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  ASSERT_TRUE(Sm3Available());
  auto sm3 = HmacHex(kHmacSm3, "k", "abc");
  ASSERT_TRUE(sm3.ok());
  EXPECT_EQ(*sm3, "af684d81732e81f6a9c5dd0aa68f27667b36debcebe29e094a654c3d496a898a");
  auto sha = HmacHex(kHmacSha256, "key", "The quick brown fox jumps over the lazy dog");
  EXPECT_EQ(*sha, "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
  EXPECT_EQ(HmacHex("MD5", "k", "abc").status().code(), StatusCode::kInvalidArgument);
  auto random = RandomBytes(32);
  ASSERT_TRUE(random.ok());
  EXPECT_EQ(random->size(), 32u);
  EXPECT_NE(*random, *RandomBytes(32));
}

TEST(DocxWriterTest, FillsScalarsAndRepeatsParagraphs) {
  std::string xml =
      "<w:body><w:p><w:r><w:t>{{文号}}</w:t></w:r></w:p>"
      "<w:p><w:pPr><w:pStyle w:val=\"Body\"/></w:pPr><w:r><w:t>{{#正文}}</w:t></w:r></w:p>"
      "<w:p><w:r><w:t>{{#抄送}}</w:t></w:r></w:p></w:body>";
  TemplateValues values;
  values.scalars["文号"] = "郧检行建〔2024〕1号";
  values.lists["正文"] = {"第一段 <a&b>", "第二段"};
  values.lists["抄送"] = {};
  auto filled = FillTemplate(xml, values);
  ASSERT_TRUE(filled.ok()) << filled.status().ToString();
  EXPECT_EQ(
      *filled,
      "<w:body><w:p><w:r><w:t>郧检行建〔2024〕1号</w:t></w:r></w:p>"
      "<w:p><w:pPr><w:pStyle w:val=\"Body\"/></w:pPr><w:r><w:t>第一段 "
      "&lt;a&amp;b&gt;</w:t></w:r></w:p>"
      "<w:p><w:pPr><w:pStyle w:val=\"Body\"/></w:pPr><w:r><w:t>第二段</w:t></w:r></w:p></w:body>");
  TemplateValues missing;
  EXPECT_EQ(FillTemplate("<w:t>{{院名}}</w:t>", missing).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(XmlEscape(std::string("a\x01"
                                  "b\tc",
                                  5)),
            "ab\tc");
}

TEST(DocxWriterTest, WritesAZipWithContentTypesFirst) {
  auto bytes = WriteDocx({{"word/document.xml", "<d/>"}, {"[Content_Types].xml", "<t/>"}});
  ASSERT_TRUE(bytes.ok());
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes->data(), bytes->size(), 0, &error);
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  ASSERT_NE(archive, nullptr);
  EXPECT_EQ(zip_get_num_entries(archive, 0), 2);
  EXPECT_EQ(std::string(zip_get_name(archive, 0, 0)), "[Content_Types].xml");
  zip_discard(archive);
  zip_error_fini(&error);
}

TEST(DocumentBodyTest, SectionsAndParagraphs) {
  auto body = ParseDocumentBody(
      "\xEF\xBB\xBF【起因】本院发现……\n\n【建议】\n一、整改。\r\n二、看护。\n【抄送】区政府");
  ASSERT_TRUE(body.ok()) << body.status().ToString();
  EXPECT_EQ(body->Paragraphs("起因"), std::vector<std::string>{"本院发现……"});
  EXPECT_EQ(body->Paragraphs("建议"), (std::vector<std::string>{"一、整改。", "二、看护。"}));
  EXPECT_EQ(body->Paragraphs("抄送"), std::vector<std::string>{"区政府"});
  EXPECT_FALSE(body->Has("事实"));
}

TEST(DocumentBodyTest, MistakesAreRefusedWithTheLine) {
  auto before = ParseDocumentBody("开头没有段落名\n【起因】x");
  ASSERT_FALSE(before.ok());
  EXPECT_NE(before.status().message().find("第1行"), std::string::npos);
  auto unknown = ParseDocumentBody("【起因】x\n【结论】y");
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.status().message().find("第2行"), std::string::npos);
  EXPECT_NE(unknown.status().message().find("【结论】"), std::string::npos);
  EXPECT_FALSE(ParseDocumentBody("【起因】x\n【起因】y").ok());
  EXPECT_FALSE(ParseDocumentBody("【起因").ok());
  EXPECT_FALSE(ParseDocumentBody("").ok());
  EXPECT_FALSE(ParseDocumentBody("【起因】\n").ok());
  EXPECT_FALSE(ParseDocumentBody("\xC3\x28").ok());
}

}  // namespace
}  // namespace shujian::workflow
