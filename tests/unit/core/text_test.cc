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
  // Letters and digits only: the punctuation of Chinese text stays as written.
  EXPECT_EQ(FoldFullWidth("ＡＢＣ１２３　（ｘ），：", FullWidth::kLettersAndDigits), "ABC123 （x），：");
  EXPECT_EQ(FoldFullWidth("Ａ\xff（", FullWidth::kLettersAndDigits), "A\uFFFD（") << "invalid UTF-8";
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

// ToSimplified skips OpenCC for text without any character that one of its entries changes; for every
// CJK code point the shortcut must give what OpenCC gives.
TEST(SimplifiedChineseTest, ShortcutAgreesWithOpenCcOnEveryCjkCharacter) {
  ASSERT_TRUE(SimplifiedChineseStatus().ok()) << SimplifiedChineseStatus().ToString();
  const std::pair<char32_t, char32_t> ranges[] = {
      {0x2E80, 0x2FDF}, {0x3000, 0x303F}, {0x3400, 0x4DBF}, {0x4E00, 0x9FFF},
      {0xF900, 0xFAFF}, {0xFF00, 0xFFEF}, {0x20000, 0x2A6DF}, {0x2F800, 0x2FA1F}};
  int differing = 0;
  for (auto [first, last] : ranges) {
    for (char32_t code_point = first; code_point <= last; ++code_point) {
      std::string text;
      AppendUtf8(code_point, &text);
      std::string expected = ToSimplifiedWithOpenCc(text);
      ASSERT_EQ(ToSimplified(text), expected) << std::hex << static_cast<uint32_t>(code_point);
      differing += expected != text;
    }
  }
  EXPECT_GT(differing, 2000);  // the traditional characters really are converted
  // Phrases: characters that only a phrase entry changes, and ordinary names.
  for (const char* text : {"瞭解", "藉口", "彷彿", "覆蓋", "張三豐", "王小明", "买买提", "乾隆", "著名"}) {
    EXPECT_EQ(ToSimplified(text), ToSimplifiedWithOpenCc(text)) << text;
  }
}

TEST(UnicodeFoldTest, NfkcFastPathKeepsNormalisedTextAndFoldsTheRest) {
  EXPECT_EQ(NfkcFold("十堰市郧阳区农业农村局"), "十堰市郧阳区农业农村局");
  EXPECT_EQ(NfkcFold("郧农（渔）罚〔2023〕"), "郧农(渔)罚〔2023〕");
  EXPECT_EQ(NfkcFold("ｶ"), "カ");
  EXPECT_EQ(NfkcFold("\xE5\xBC"), "\xEF\xBF\xBD\xEF\xBF\xBD");  // each invalid byte: U+FFFD
}

// The ASCII and valid-UTF-8 shortcuts of the text functions give what the general paths give.
TEST(UnicodeFoldTest, ShortcutsAgreeWithTheGeneralPaths) {
  EXPECT_EQ(FoldFullWidth("郧农（渔）罚〔２０２３〕15号　张三"), "郧农(渔)罚〔2023〕15号 张三");
  EXPECT_EQ(FoldFullWidth("plain ascii"), "plain ascii");
  EXPECT_EQ(FoldFullWidth("ａ\xFF"), "a\xEF\xBF\xBD");
  EXPECT_EQ(FoldFullWidth("\xEF\xBC"), "\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(FoldFullWidth("ｅｎｄ\xE3\x80\x80"), "end ");
  EXPECT_EQ(TrimSpaces("　张三　"), "张三");
  EXPECT_EQ(TrimSpaces("张三"), "张三");
  EXPECT_EQ(TrimSpaces("\t a b \r\n"), "a b");
  EXPECT_EQ(TrimSpaces("张三\xC2\xA0"), "张三");
  EXPECT_EQ(TrimSpaces("\xFF张三"), "\xEF\xBF\xBD张三");
  EXPECT_EQ(RemoveSpaces("张\xFF三 a\tb"), "张\xEF\xBF\xBD三ab");
  EXPECT_EQ(NfkcFold("郧农（渔）罚①"), "郧农(渔)罚1");
  EXPECT_EQ(NfkcFold("张三\xFF"), "张三\xEF\xBF\xBD");
  EXPECT_EQ(NormalizeNameForMatching("張 三ａｂ（郧阳）"), "张三AB(郧阳)");
  const std::string ascii(40, 'a');
  EXPECT_TRUE(IsValidUtf8(ascii + "张" + ascii));
  EXPECT_FALSE(IsValidUtf8(ascii + "\xE5\xBC" + ascii));
  EXPECT_FALSE(IsValidUtf8(std::string(9, 'a') + "\xC0\x80"));  // overlong
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));                   // a surrogate
}

// IsValidUtf8 checks bytes without decoding; it must agree with DecodeUtf8 on every input.
TEST(Utf8Test, ValidityAgreesWithTheDecoder) {
  auto decodes = [](std::string_view text) {
    size_t pos = 0;
    char32_t code_point;
    while (pos < text.size()) {
      if (!DecodeUtf8(text, &pos, &code_point)) return false;
    }
    return true;
  };
  // Every one- and two-byte sequence, and three- and four-byte ones around the edges.
  for (int a = 0; a < 256; ++a) {
    for (int b = 0; b < 256; ++b) {
      std::string two{static_cast<char>(a), static_cast<char>(b)};
      ASSERT_EQ(IsValidUtf8(two), decodes(two)) << a << " " << b;
      for (int c : {0x00, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0}) {
        std::string three = two + static_cast<char>(c);
        ASSERT_EQ(IsValidUtf8(three), decodes(three)) << a << " " << b << " " << c;
        std::string four = three + static_cast<char>(0x80);
        ASSERT_EQ(IsValidUtf8(four), decodes(four)) << a << " " << b << " " << c;
      }
    }
  }
}

}  // namespace
}  // namespace shujian
