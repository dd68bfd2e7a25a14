// Tests of UTF-8, Unicode folding, traditional → simplified and the matching forms.
#include <gtest/gtest.h>

#include "core/case_number.h"
#include "core/name_normalize.h"
#include "core/simplified_chinese.h"
#include "core/unicode_fold.h"
#include "core/utf8.h"

namespace shujian {
namespace {

TEST(Utf8Test, DecodesByCodePoint) {
  std::string text = "张a𠀀";
  EXPECT_EQ(CodePointCount(text), 3u);
  EXPECT_EQ(ToCodePoints(text), std::u32string(U"张a𠀀"));
  EXPECT_EQ(ToUtf8(U"张a𠀀"), text);
  EXPECT_EQ(Utf8Prefix("张三丰", 2), "张三");
  EXPECT_EQ(Utf8Prefix("张", 5), "张");
  EXPECT_TRUE(IsValidUtf8(text));
}

TEST(Utf8Test, RejectsInvalidSequences) {
  const std::string invalid[] = {
      "\xC0\xAF",          // overlong '/'
      "\xE0\x80\xAF",      // overlong
      "\xED\xA0\x80",      // surrogate
      "\xF4\x90\x80\x80",  // above U+10FFFF
      "\xE5\xBC",          // truncated 张
      "\x80",              // lone continuation
      "\xFF",
  };
  for (const std::string& text : invalid) {
    EXPECT_FALSE(IsValidUtf8(text)) << text.size();
    EXPECT_NE(ToCodePoints(text).find(kReplacementCharacter), std::u32string::npos);
  }
  EXPECT_EQ(CodePointCount("\xE5\xBC"), 2u);
}

TEST(UnicodeFoldTest, FullWidthOnly) {
  EXPECT_EQ(FoldFullWidth("ＡＢＣ１２３　（ｘ）"), "ABC123 (x)");
  EXPECT_EQ(FoldFullWidth("① ㎡ 〔2023〕"), "① ㎡ 〔2023〕");  // untouched: not full-width ASCII
  EXPECT_EQ(NfkcFold("① ㎡ ＡＢ"), "1 m2 AB");
  EXPECT_EQ(NfkcFold("plain"), "plain");
}

TEST(UnicodeFoldTest, Spaces) {
  EXPECT_EQ(TrimSpaces("　 张三 \t\xC2\xA0"), "张三");
  EXPECT_EQ(TrimSpaces("\xEF\xBB\xBF张三"), "张三");  // BOM
  EXPECT_EQ(TrimSpaces("张 三"), "张 三");
  EXPECT_EQ(RemoveSpaces(" 张　三 "), "张三");
  EXPECT_EQ(TrimSpaces(""), "");
}

TEST(SimplifiedChineseTest, ConvertsTraditional) {
  ASSERT_TRUE(SimplifiedChineseStatus().ok()) << SimplifiedChineseStatus().ToString();
  EXPECT_EQ(ToSimplified("張偉"), "张伟");
  EXPECT_EQ(ToSimplified("十堰市鄖陽區有限責任公司"), "十堰市郧阳区有限责任公司");
  EXPECT_EQ(ToSimplified("张伟"), "张伟");
  EXPECT_EQ(ToSimplified("abc"), "abc");
}

TEST(NameNormalizeTest, MatchingForm) {
  EXPECT_EQ(NormalizeNameForMatching("張 偉"), "张伟");
  EXPECT_EQ(NormalizeNameForMatching("买买提·艾力"), "买买提艾力");
  EXPECT_EQ(NormalizeNameForMatching("买买提・艾力"), "买买提艾力");
  EXPECT_EQ(NormalizeNameForMatching("十堰ａｂｃ建材有限公司（郧阳）"), "十堰ABC建材有限公司(郧阳)");
  EXPECT_EQ(NormalizeNameForMatching("十堰abc建材有限公司【郧阳】"), "十堰ABC建材有限公司(郧阳)");
}

TEST(CaseNumberTest, VariantsShareOneForm) {
  const std::string expected = "郧农(渔)罚[2023]15号";
  for (const char* variant : {"郧农（渔）罚〔2023〕15号", "郧农(渔)罚[2023]15号", "郧农（渔）罚【2023】15 号",
                              "郧农（渔）罚［２０２３］１５号", " 郧农 (渔) 罚〔2023〕15号 "}) {
    EXPECT_EQ(NormalizeCaseNumber(variant), expected) << variant;
  }
  EXPECT_EQ(NormalizeCaseNumber("yyny-2023-0015"), "YYNY-2023-0015");
  EXPECT_NE(NormalizeCaseNumber("郧农罚〔2023〕15号"), NormalizeCaseNumber("郧农罚〔2023〕16号"));
}

TEST(CaseNumberTest, IsIdempotent) {
  // Found by core_values_fuzz: NFKC maps ´ to a space and a combining acute, which composes
  // with the preceding letter once the space is removed.
  for (std::string_view number : {std::string_view("c\xC2\xB4~", 4), std::string_view("A ´B")}) {
    std::string once = NormalizeCaseNumber(number);
    EXPECT_EQ(NormalizeCaseNumber(once), once);
  }
}

}  // namespace
}  // namespace shujian
