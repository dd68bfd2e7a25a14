#include "core/status.h"

#include <gtest/gtest.h>

#include "core/result.h"

namespace shujian {
namespace {

TEST(StatusTest, DefaultIsOk) {
  Status status;
  EXPECT_TRUE(status.ok());
  EXPECT_EQ(status.code(), StatusCode::kOk);
  EXPECT_EQ(status.message(), "");
  EXPECT_EQ(status.ToString(), "OK");
}

TEST(StatusTest, ErrorCarriesCodeAndMessage) {
  Status status = Status::InvalidArgument("校验位错误，应为5");
  EXPECT_FALSE(status.ok());
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(status.message(), "校验位错误，应为5");
  EXPECT_EQ(status.ToString(), "InvalidArgument: 校验位错误，应为5");
}

TEST(StatusTest, WithContextPrefixesMessage) {
  Status status = Status::NotFound("没有这个列").WithContext("x.csv");
  EXPECT_EQ(status.message(), "x.csv：没有这个列");
  EXPECT_EQ(status.code(), StatusCode::kNotFound);
  EXPECT_TRUE(Status::Ok().WithContext("x").ok());
}

Result<int> Half(int value) {
  if (value % 2 != 0) return Status::InvalidArgument("奇数");
  return value / 2;
}

Result<int> Quarter(int value) {
  SJ_ASSIGN_OR_RETURN(int half, Half(value));
  SJ_ASSIGN_OR_RETURN(int quarter, Half(half));
  return quarter;
}

TEST(ResultTest, PropagatesValuesAndErrors) {
  Result<int> ok = Quarter(8);
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(*ok, 2);
  Result<int> bad = Quarter(6);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), "奇数");
}

TEST(ResultTest, OkStatusWithoutValueBecomesInternalError) {
  Result<int> result = Status::Ok();
  EXPECT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), StatusCode::kInternal);
}

}  // namespace
}  // namespace shujian
