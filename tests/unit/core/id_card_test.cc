// Tests of 公民身份号码 validation (GB 11643-1999): published examples, the examples of
// shared/spec/cli.md, each kind of bad input, and property tests over generated numbers.
#include "core/id_card.h"

#include <gtest/gtest.h>

#include <random>

namespace shujian {
namespace {

const Date kToday = *Date::FromYmd(2026, 11, 30);

TEST(IdCardTest, CheckCharacterOfPublishedExamples) {
  // GB 11643-1999 annex examples: 11010519491231002X and 440524188001010014.
  EXPECT_EQ(IdCardCheckCharacter("11010519491231002"), 'X');
  EXPECT_EQ(IdCardCheckCharacter("44052418800101001"), '4');
}

TEST(IdCardTest, AcceptsPublishedExample) {
  Result<IdCard> card = ParseIdCard("11010519491231002X", kToday);
  ASSERT_TRUE(card.ok()) << card.status().ToString();
  EXPECT_EQ(card->normalized, "11010519491231002X");
  EXPECT_EQ(card->birth_date.ToIso(), "1949-12-31");
  EXPECT_EQ(card->sex, Sex::kFemale);
  EXPECT_EQ(card->region, "北京市朝阳区");
  EXPECT_TRUE(card->warnings.empty());
}

TEST(IdCardTest, RejectsBirthBefore1900EvenWithRightCheckCharacter) {
  Result<IdCard> card = ParseIdCard("440524188001010014", kToday);
  ASSERT_FALSE(card.ok());
  EXPECT_EQ(card.status().message(), "出生日期1880-01-01早于1900年");
}

TEST(IdCardTest, ContractExamples) {
  // shared/spec/cli.md: a 15-digit number and a wrong check digit.
  Result<IdCard> upgraded = ParseIdCard("420304800101251", kToday);
  ASSERT_TRUE(upgraded.ok());
  EXPECT_EQ(upgraded->normalized, "420304198001012510");
  EXPECT_EQ(upgraded->birth_date.ToIso(), "1980-01-01");
  EXPECT_EQ(upgraded->sex, Sex::kMale);
  EXPECT_EQ(upgraded->region, "湖北省十堰市郧阳区");
  EXPECT_TRUE(upgraded->upgraded_from_15);

  Result<IdCard> wrong = ParseIdCard("420304198001011236", kToday);
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(wrong.status().message(), "校验位错误，应为5");
}

TEST(IdCardTest, NormalisesWhatPeopleType) {
  const char* variants[] = {
      "11010519491231002x",          // lower-case x
      "１１０１０５１９４９１２３１００２Ｘ",  // full-width digits and X
      "110105 19491231 002X",        // spaces
      " 110105-19491231-002X　",     // hyphens, ideographic space
      "１１０１０５１９４９１２３１００２ｘ",  // full-width lower-case x
  };
  for (const char* input : variants) {
    Result<IdCard> card = ParseIdCard(input, kToday);
    ASSERT_TRUE(card.ok()) << input << ": " << card.status().ToString();
    EXPECT_EQ(card->normalized, "11010519491231002X") << input;
  }
  EXPECT_EQ(CleanIdCardInput(" 4203-04 x"), "420304X");
}

TEST(IdCardTest, RejectsWrongLengthAndCharacters) {
  EXPECT_EQ(ParseIdCard("42030419800101123", kToday).status().message(),
            "长度应为18位（旧号码15位），实际为17位");
  EXPECT_EQ(ParseIdCard("4203041980010112345", kToday).status().message(),
            "长度应为18位（旧号码15位），实际为19位");
  EXPECT_EQ(ParseIdCard("", kToday).status().message(), "为空");
  EXPECT_EQ(ParseIdCard("  ", kToday).status().message(), "为空");
  EXPECT_EQ(ParseIdCard("42030419800101123A", kToday).status().message(),
            "含有不允许的字符「A」（只能是数字，末位可为X）");
  EXPECT_EQ(ParseIdCard("4203041980010112X5", kToday).status().message(),
            "前17位只能是数字，只有第18位（校验位）可以是X");
  EXPECT_EQ(ParseIdCard("42030480010125X", kToday).status().message(), "15位旧号码只能由数字组成");
  EXPECT_EQ(ParseIdCard("4203**********1234", kToday).status().message(),
            "含有不允许的字符「*」（只能是数字，末位可为X）");
  EXPECT_EQ(ParseIdCard("张三", kToday).status().message(),
            "含有不允许的字符「张」（只能是数字，末位可为X）");
}

TEST(IdCardTest, RejectsImpossibleAndFutureBirthDates) {
  // 1981 is not a leap year; month 13; day 00. Check characters computed to be right so the
  // date is the only fault.
  for (const char* first17 : {"42030419810229123", "42030419801301123", "42030419800100123"}) {
    std::string number = std::string(first17) + IdCardCheckCharacter(first17);
    Result<IdCard> card = ParseIdCard(number, kToday);
    ASSERT_FALSE(card.ok()) << number;
    EXPECT_EQ(card.status().message(), "出生日期" + number.substr(6, 8) + "不是有效日期");
  }
  std::string future = std::string("42030420261201123") + IdCardCheckCharacter("42030420261201123");
  EXPECT_EQ(ParseIdCard(future, kToday).status().message(), "出生日期2026-12-01晚于今天");
  // The day itself is not in the future.
  std::string today = std::string("42030420261130123") + IdCardCheckCharacter("42030420261130123");
  EXPECT_TRUE(ParseIdCard(today, kToday).ok());
  // A leap day is a real date.
  std::string leap = std::string("42030419800229123") + IdCardCheckCharacter("42030419800229123");
  EXPECT_TRUE(ParseIdCard(leap, kToday).ok());
  // 15-digit numbers are checked as 19YY.
  EXPECT_EQ(ParseIdCard("420304810229123", kToday).status().message(),
            "出生日期19810229不是有效日期");
}

TEST(IdCardTest, RegionCodes) {
  auto with_check = [](std::string first17) { return first17 + IdCardCheckCharacter(first17); };
  // Unknown province: rejected.
  Result<IdCard> no_province = ParseIdCard(with_check("80030419800101123"), kToday);
  ASSERT_FALSE(no_province.ok());
  EXPECT_EQ(no_province.status().message(), "地址码800304的省级代码80不存在");
  // Unknown county in a known province: accepted with a warning; the region is the known part.
  Result<IdCard> unknown_county = ParseIdCard(with_check("42039919800101123"), kToday);
  ASSERT_TRUE(unknown_county.ok());
  EXPECT_EQ(unknown_county->region, "湖北省十堰市");
  ASSERT_EQ(unknown_county->warnings.size(), 1u);
  EXPECT_EQ(unknown_county->warnings[0], "地址码420399不在行政区划代码表中（可能是已撤销的旧代码），已接受");
  // An abolished county code (郧县 420321) is known history: no warning.
  Result<IdCard> old_county = ParseIdCard(with_check("42032119800101123"), kToday);
  ASSERT_TRUE(old_county.ok());
  EXPECT_TRUE(old_county->warnings.empty());
  EXPECT_NE(old_county->region.find("郧县"), std::string::npos);
  // 港澳台居民居住证.
  Result<IdCard> permit = ParseIdCard(with_check("81000019900101123"), kToday);
  ASSERT_TRUE(permit.ok());
  EXPECT_EQ(permit->kind, IdDocumentKind::kResidencePermit);
  EXPECT_EQ(permit->region, "香港特别行政区");
  // 外国人永久居留身份证 (2023): 9 + province of issue (42) + nationality (840).
  Result<IdCard> foreign = ParseIdCard(with_check("94284019900101123"), kToday);
  ASSERT_TRUE(foreign.ok()) << foreign.status().ToString();
  EXPECT_EQ(foreign->kind, IdDocumentKind::kForeignPermanentResident);
  EXPECT_EQ(foreign->region, "湖北省");
}

TEST(IdCardTest, UpgradeOf15DigitNumbers) {
  EXPECT_EQ(UpgradeIdCard15("420304800101251"), "420304198001012510");
  Result<IdCard> card = ParseIdCard("4203 0480 0101 251", kToday);
  ASSERT_TRUE(card.ok());
  EXPECT_EQ(card->normalized, "420304198001012510");
}

// Every generated valid number passes, and every single-character change of it fails:
// ISO 7064 MOD 11-2 detects all single substitutions.
class IdCardPropertyTest : public ::testing::Test {
 protected:
  std::string RandomValidNumber(std::mt19937& random) {
    static const std::vector<int> counties = [] {
      std::vector<int> codes;
      for (int code = 110000; code < 660000; ++code) {
        const RegionEntry* entry = RegionTable::Shipped().Find(code);
        if (entry != nullptr && code % 100 != 0 && entry->status == RegionStatus::kCurrent) {
          codes.push_back(code);
        }
      }
      return codes;
    }();
    int county = counties[random() % counties.size()];
    Date birth = Date::FromYmd(1900, 1, 1)->AddDays(
        static_cast<int32_t>(random() % static_cast<uint32_t>(kToday.DaysSince(*Date::FromYmd(1900, 1, 1)) + 1)));
    char first17[18];
    std::snprintf(first17, sizeof first17, "%06d%04d%02d%02d%03u", county, birth.year(),
                  birth.month(), birth.day(), static_cast<unsigned>(random() % 1000));
    return std::string(first17) + IdCardCheckCharacter(first17);
  }
};

TEST_F(IdCardPropertyTest, GeneratedNumbersPassAndEverySingleChangeFails) {
  std::mt19937 random(11643);
  const std::string alphabet = "0123456789X";
  for (int sample = 0; sample < 1500; ++sample) {
    std::string number = RandomValidNumber(random);
    Result<IdCard> card = ParseIdCard(number, kToday);
    ASSERT_TRUE(card.ok()) << number << ": " << card.status().ToString();
    ASSERT_EQ(card->normalized, number);
    ASSERT_EQ(card->sex, (number[16] - '0') % 2 == 1 ? Sex::kMale : Sex::kFemale);
    for (size_t position = 0; position < number.size(); ++position) {
      for (char replacement : alphabet) {
        if (replacement == number[position]) continue;
        std::string changed = number;
        changed[position] = replacement;
        ASSERT_FALSE(ParseIdCard(changed, kToday).ok()) << number << " → " << changed;
      }
    }
  }
}

TEST_F(IdCardPropertyTest, Generated15DigitNumbersUpgradeToValidNumbers) {
  std::mt19937 random(1989);
  for (int sample = 0; sample < 500; ++sample) {
    std::string number18 = RandomValidNumber(random);
    if (number18.substr(6, 2) != "19") continue;
    std::string number15 = number18.substr(0, 6) + number18.substr(8, 9);
    Result<IdCard> card = ParseIdCard(number15, kToday);
    ASSERT_TRUE(card.ok()) << number15;
    EXPECT_EQ(card->normalized, number18);
    EXPECT_TRUE(card->upgraded_from_15);
  }
}

TEST(IdCardTest, CleanedInputAsciiAndFullWidth) {
  EXPECT_EQ(CleanIdCardInput("420304 1980-0101 251x"), "42030419800101251X");
  EXPECT_EQ(CleanIdCardInput("４２０３０４１９８００１０１２５１Ｘ"), "42030419800101251X");
  EXPECT_EQ(CleanIdCardInput("420304—19800101251０"), "420304198001012510");
}

}  // namespace
}  // namespace shujian
