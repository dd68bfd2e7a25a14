// Tests of the expression grammar (src/engine/expr/): precedence, intervals, in/between/is
// null, syntax errors with their byte offsets, and the depth limit that keeps hostile input
// from exhausting the stack.
#include "engine/expr/expr_parser.h"

#include <gtest/gtest.h>

#include <variant>

namespace shujian::engine {
namespace {

std::string Parsed(std::string_view text) {
  auto result = ParseExpression(text);
  if (auto* error = std::get_if<ExprSyntaxError>(&result)) {
    return "error@" + std::to_string(error->offset) + ": " + error->message;
  }
  return ExprToString(std::get<ExprNode>(result));
}

TEST(ExprParserTest, PrecedenceAndForms) {
  // Printed with the parentheses the precedence needs, and no more.
  EXPECT_EQ(Parsed("a + b * c > 3 and not d or e"), "a + b * c > 3 and not d or e");
  EXPECT_EQ(Parsed("(a + b) * c > 3 and not (d or e)"), "(a + b) * c > 3 and not (d or e)");
  EXPECT_EQ(Parsed("a - (b - c)"), "a - (b - c)");
  EXPECT_EQ(Parsed("(a - b) - c"), "a - b - c");
  EXPECT_EQ(Parsed("cases.decided_on + 365 days"), "cases.decided_on + 365 days");
  EXPECT_EQ(Parsed("$as_of - $months MONTHS"), "$as_of - $months months");
  EXPECT_EQ(Parsed("x not in ('客车', '校车')"), "x not in ('客车', '校车')");
  EXPECT_EQ(Parsed("x in $list"), "x in $list");
  EXPECT_EQ(Parsed("x between 1 and 10 and y is not null"), "x between 1 and 10 and y is not null");
  EXPECT_EQ(Parsed("year(d) = 2023"), "year(d) = 2023");
  EXPECT_EQ(Parsed("-5 + -x"), "-5 + -x");
  EXPECT_EQ(Parsed("a <> b"), "a != b");
  EXPECT_EQ(Parsed("'it\\'s'"), "'it\\'s'");
}

// Regression (tests/regress/fuzz/model_spec_fuzz/string_with_backslashes): printing a string
// must escape quotes and backslashes, so the printed expression parses to itself.
TEST(ExprParserTest, PrintedStringsParseBack) {
  for (const char* text : {"'a\\\\b'", "'it\\'s'", "\"say \\\"hi\\\"\"", "'\\\\\\\\'"}) {
    std::string printed = Parsed(text);
    EXPECT_EQ(Parsed(printed), printed) << text;
  }
  EXPECT_EQ(Parsed("'a\\\\b'"), "'a\\\\b'");
}

TEST(ExprParserTest, ErrorsSayWhere) {
  EXPECT_EQ(Parsed("fine >= 1000 and (amount > 5"), "error@28: 缺少右括号 )");
  EXPECT_EQ(Parsed("365days"), "error@3: 数字后面紧跟着字母；数字和单位之间要有空格，如 365 days");
  EXPECT_EQ(Parsed("name = 张三"), "error@7: 这里不能出现中文或全角字符；文本值要加引号，如 '是'，运算符用半角，如 >=");
  EXPECT_EQ(Parsed("a b"), "error@2: 多余的内容「b」；两个条件之间要用 and 或 or 连接");
  EXPECT_EQ(Parsed("'open"), "error@0: 字符串没有结束引号");
  EXPECT_EQ(Parsed(""), "error@0: 表达式不完整");
  EXPECT_EQ(Parsed("x not 5"), "error@2: 多余的内容「not」；两个条件之间要用 and 或 or 连接");
  EXPECT_EQ(Parsed("a || b"), "error@2: 不支持 ||；拼接文本请用 concat(a, b)");
}

TEST(ExprParserTest, DeepNestingIsRefused) {
  std::string deep(5000, '(');
  EXPECT_NE(Parsed(deep + "1" + std::string(5000, ')')).find("error"), std::string::npos);
  std::string nots;
  for (int index = 0; index < 3000; ++index) nots += "not ";
  EXPECT_NE(Parsed(nots + "x").find("error"), std::string::npos);
}

}  // namespace
}  // namespace shujian::engine
