#include "core/plate.h"

#include <gtest/gtest.h>

namespace shujian {
namespace {

struct PlateCase {
  const char* input;
  const char* normalized;
  PlateKind kind;
};

TEST(PlateTest, AcceptsAndNormalises) {
  const PlateCase cases[] = {
      {"鄂C12345", "鄂C12345", PlateKind::kOrdinary},
      {"鄂C·12345", "鄂C12345", PlateKind::kOrdinary},
      {"鄂c-1234a", "鄂C1234A", PlateKind::kOrdinary},
      {" 鄂 C ＡＢ１２３ ", "鄂CAB123", PlateKind::kOrdinary},
      {"鄂CD12345", "鄂CD12345", PlateKind::kNewEnergySmall},
      {"鄂CFA1234", "鄂CFA1234", PlateKind::kNewEnergySmall},
      {"鄂CD01234", "鄂CD01234", PlateKind::kNewEnergySmall},
      {"鄂C12345D", "鄂C12345D", PlateKind::kNewEnergyLarge},
      {"鄂C1234挂", "鄂C1234挂", PlateKind::kTrailer},
      {"鄂C·1234学", "鄂C1234学", PlateKind::kCoach},
      {"粤Z1234港", "粤Z1234港", PlateKind::kHongKongMacao},
  };
  for (const PlateCase& test : cases) {
    Result<Plate> plate = ParsePlate(test.input);
    ASSERT_TRUE(plate.ok()) << test.input << ": " << plate.status().ToString();
    EXPECT_EQ(plate->normalized, test.normalized);
    EXPECT_EQ(plate->kind, test.kind) << test.input;
  }
  EXPECT_EQ(ParsePlate("鄂C12345")->province, "湖北");
}

TEST(PlateTest, RejectsWithReasons) {
  EXPECT_EQ(ParsePlate("").status().message(), "为空");
  EXPECT_EQ(ParsePlate("C12345").status().message(), "应以省份简称开头（如鄂），实际为「C」");
  EXPECT_EQ(ParsePlate("鄂112345").status().message(),
            "第2位应为发牌机关代号字母（不含I、O），如鄂C中的C");
  EXPECT_EQ(ParsePlate("鄂I12345").status().message(),
            "第2位应为发牌机关代号字母（不含I、O），如鄂C中的C");
  EXPECT_EQ(ParsePlate("鄂C1O345").status().message(), "含有字母「O」，号牌序号不使用I和O");
  EXPECT_EQ(ParsePlate("鄂C1234").status().message(), "长度不对：普通号牌7位、新能源号牌8位，实际为6位");
  EXPECT_FALSE(ParsePlate("鄂C123456").ok());   // 6 digits: neither new-energy form
  EXPECT_FALSE(ParsePlate("鄂C1234*").ok());
  EXPECT_FALSE(ParsePlate("鄂C1234甲").ok());
  EXPECT_FALSE(ParsePlate("鄂CF1A234").ok());  // small new-energy: the last four are digits
}

}  // namespace
}  // namespace shujian
