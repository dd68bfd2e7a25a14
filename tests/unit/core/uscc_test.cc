// Tests of 统一社会信用代码 validation (GB 32100-2015).
#include "core/uscc.h"

#include <gtest/gtest.h>

#include <random>

namespace shujian {
namespace {

const std::string kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

TEST(UsccTest, AcceptsPublishedCodes) {
  // Codes of registered organisations, as used in test suites of public libraries
  // (hutool CreditCodeUtilTest uses 91350100M000100Y43).
  for (const char* code :
       {"91350100M000100Y43", "91110105771583283D", "91110000802100433B", "91110108740084270C",
        "911101077776591113", "51610700305332460K", "91440300359143307G", "11610923MB2900168E",
        "91440300708461136T", "91110108551385082Q"}) {
    Result<Uscc> parsed = ParseUscc(code);
    ASSERT_TRUE(parsed.ok()) << code << ": " << parsed.status().ToString();
    EXPECT_EQ(parsed->normalized, code);
    EXPECT_TRUE(parsed->warnings.empty()) << code << ": " << parsed->warnings[0];
  }
}

TEST(UsccTest, DescribesAuthorityKindAndRegion) {
  Result<Uscc> enterprise = ParseUscc("91350100M000100Y43");
  ASSERT_TRUE(enterprise.ok());
  EXPECT_EQ(enterprise->authority, "工商（市场监管）");
  EXPECT_EQ(enterprise->kind, "企业");
  EXPECT_EQ(enterprise->region, "福建省福州市");
  EXPECT_TRUE(IsEnterpriseUscc(enterprise->normalized));
  Result<Uscc> association = ParseUscc("51610700305332460K");
  ASSERT_TRUE(association.ok());
  EXPECT_EQ(association->authority, "民政");
  EXPECT_EQ(association->kind, "社会团体");
  EXPECT_FALSE(IsEnterpriseUscc(association->normalized));
}

TEST(UsccTest, OrganizationCodeCheckCharacter) {
  // The 组织机构代码 inside published credit codes (positions 9–17).
  EXPECT_EQ(OrganizationCodeCheckCharacter("M000100Y"), '4');   // 91350100M000100Y43
  EXPECT_EQ(OrganizationCodeCheckCharacter("77158328"), '3');   // 91110105771583283D
  EXPECT_EQ(OrganizationCodeCheckCharacter("30533246"), '0');   // 51610700305332460K
  EXPECT_EQ(OrganizationCodeCheckCharacter("MB290016"), '8');   // 11610923MB2900168E
  EXPECT_EQ(OrganizationCodeCheckCharacter("1234567*"), 0);
}

TEST(UsccTest, CheckCharacter) {
  EXPECT_EQ(UsccCheckCharacter("91350100M000100Y4"), '3');
  EXPECT_EQ(UsccCheckCharacter("91110105771583283"), 'D');
}

TEST(UsccTest, NormalisesInput) {
  for (const char* input : {"91350100m000100y43", " 91350100M000100Y43 ", "９１３５０１００Ｍ０００１００Ｙ４３",
                            "9135-0100-M000-100Y43"}) {
    Result<Uscc> parsed = ParseUscc(input);
    ASSERT_TRUE(parsed.ok()) << input;
    EXPECT_EQ(parsed->normalized, "91350100M000100Y43");
  }
}

TEST(UsccTest, RejectsWithReasons) {
  EXPECT_EQ(ParseUscc("91350100M000100Y44").status().message(), "校验位错误，应为3");
  EXPECT_EQ(ParseUscc("91350100M000100Y4").status().message(), "长度应为18位，实际为17位");
  EXPECT_EQ(ParseUscc("91350100M000100I43").status().message(),
            "含有字符「I」，统一社会信用代码不使用I、O、Z、S、V");
  EXPECT_EQ(ParseUscc("91350100M00010%Y43").status().message(),
            "含有不允许的字符「%」（只能是数字和除I、O、Z、S、V外的大写字母）");
  EXPECT_EQ(ParseUscc("9135A100M000100Y43").status().message(),
            "第3至8位应为行政区划代码（数字），实际为「35A100」");
  EXPECT_EQ(ParseUscc("").status().message(), "为空");
}

TEST(UsccTest, LegacyExceptionsAreAcceptedWithAWarning) {
  // A pilot-period code that fails the checksum (shared/domain/rules.md §5.2).
  Result<Uscc> shipped = ParseUscc("91350100M0001TGQXM");
  ASSERT_TRUE(shipped.ok());
  EXPECT_TRUE(shipped->legacy_exception);
  EXPECT_FALSE(shipped->warnings.empty());
  UsccExceptions none;
  EXPECT_FALSE(ParseUscc("91350100M0001TGQXM", none).ok());
  Result<UsccExceptions> parsed =
      UsccExceptions::Parse("# note\ncode,source\n91350200M000000510,test\n", "test.csv");
  ASSERT_TRUE(parsed.ok());
  EXPECT_TRUE(ParseUscc("91350200M000000510", *parsed).ok());
  EXPECT_FALSE(UsccExceptions::Parse("code,source\n123,x\n", "bad.csv").ok());
}

TEST(UsccTest, WarnsOnBadSubjectCodeAndUnknownRegion) {
  // Build a code whose own check character is right but whose subject code check is wrong,
  // in an unknown province.
  std::string first17 = "919900001234567";  // 15 characters so far
  first17 += "0A";                           // subject code ends "0A"-ish; check below
  std::string code = first17 + UsccCheckCharacter(first17);
  Result<Uscc> parsed = ParseUscc(code);
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(parsed->warnings.size(), 2u);
}

TEST(UsccPropertyTest, GeneratedCodesPassAndEverySingleChangeFails) {
  std::mt19937 random(32100);
  UsccExceptions none;
  for (int sample = 0; sample < 1500; ++sample) {
    std::string first17 = "91";
    first17 += "420304";
    for (int index = 0; index < 9; ++index) first17 += kAlphabet[random() % kAlphabet.size()];
    std::string code = first17 + UsccCheckCharacter(first17);
    ASSERT_TRUE(ParseUscc(code, none).ok()) << code;
    for (size_t position = 0; position < code.size(); ++position) {
      for (char replacement : kAlphabet) {
        if (replacement == code[position]) continue;
        std::string changed = code;
        changed[position] = replacement;
        ASSERT_FALSE(ParseUscc(changed, none).ok()) << code << " → " << changed;
      }
    }
  }
}

}  // namespace
}  // namespace shujian
