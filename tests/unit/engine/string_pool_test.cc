// Tests of StringPool: interning is stable across growth, and matching forms (names, case
// numbers) are memoised per distinct string.
#include "engine/common/string_pool.h"

#include <gtest/gtest.h>

namespace shujian::engine {
namespace {

TEST(StringPoolTest, InternIsStableAcrossGrowth) {
  StringPool pool;
  std::vector<uint32_t> codes;
  for (int index = 0; index < 20000; ++index) codes.push_back(pool.Intern("值" + std::to_string(index)));
  for (int index = 0; index < 20000; ++index) {
    EXPECT_EQ(pool.Intern("值" + std::to_string(index)), codes[index]);
    EXPECT_EQ(pool.Get(codes[index]), "值" + std::to_string(index));
  }
  uint32_t code;
  EXPECT_TRUE(pool.Find("值17", &code));
  EXPECT_EQ(code, codes[17]);
  EXPECT_FALSE(pool.Find("没有", &code));
  EXPECT_EQ(pool.Get(pool.Intern("")), "");
}

TEST(StringPoolTest, LongStringsAndFullBlocks) {
  StringPool pool;
  std::string big(3 << 20, 'x');
  uint32_t code = pool.Intern(big);
  std::vector<uint32_t> small;
  for (int index = 0; index < 200000; ++index) small.push_back(pool.Intern("短" + std::to_string(index)));
  uint32_t empty = pool.Intern("");
  EXPECT_EQ(pool.Get(code), big);
  EXPECT_EQ(pool.Get(small[123456]), "短123456");
  EXPECT_EQ(pool.Get(empty), "");
  EXPECT_EQ(pool.Intern(big), code);
}

TEST(StringPoolTest, MatchingForms) {
  StringPool pool;
  uint32_t traditional = pool.Intern("張 偉");
  uint32_t simplified = pool.Intern("张伟");
  EXPECT_NE(traditional, simplified);
  EXPECT_EQ(pool.MatchCode(traditional, MatchKind::kName), pool.MatchCode(simplified, MatchKind::kName));
  EXPECT_EQ(pool.MatchCode(traditional, MatchKind::kExact), traditional);
  uint32_t a = pool.Intern("郧农（渔）罚〔2023〕15号");
  uint32_t b = pool.Intern("郧农(渔)罚[2023]15 号");
  EXPECT_EQ(pool.MatchCode(a, MatchKind::kCaseNo), pool.MatchCode(b, MatchKind::kCaseNo));
  EXPECT_EQ(pool.Get(pool.MatchCode(a, MatchKind::kCaseNo)), "郧农(渔)罚[2023]15号");
}

}  // namespace
}  // namespace shujian::engine
