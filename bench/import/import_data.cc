#include "import_data.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/id_card.h"
#include "core/uscc.h"
#include "random.h"

namespace shujian::bench {
namespace {

const std::vector<std::string> kCounties = {"420302", "420303", "420304", "420322", "420323",
                                            "420324", "420325", "420381", "420602", "420606",
                                            "420607", "420102", "420106", "420111"};
// Common surnames, the most frequent several times.
const std::vector<std::string> kSurnames = {
    "王", "王", "王", "李", "李", "李", "张", "张", "张", "刘", "刘", "陈", "陈", "杨", "杨", "黄", "赵", "吴",
    "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩",
    "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "魏",
    "苏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金", "石", "廖", "贾"};
const std::vector<std::string> kGiven = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳",
                                         "杰", "娟", "涛", "明", "超", "秀英", "霞", "平", "刚", "桂英", "华", "建国",
                                         "建华", "志强", "海燕", "红", "玉兰", "春梅", "德明", "国庆", "文", "斌",
                                         "辉", "鹏", "宇", "浩", "婷", "欣", "晨", "思远", "子涵", "梓豪", "雨桐"};
const std::vector<std::string> kCompanyWords = {"鑫源", "华兴", "汉江", "武当", "恒通", "宏达", "金桥", "绿源",
                                                "顺达", "天成", "博远", "众诚", "秦巴", "郧阳", "东风", "晨光"};
const std::vector<std::string> kIndustries = {"物流", "建材", "农业科技", "商贸", "汽车配件", "生态农业",
                                              "矿业", "水产养殖", "林业", "餐饮管理", "建筑工程", "运输"};

struct Violation {
  const char* type;
  const char* unit;
  const char* act;
  int max_quantity;
};
const std::vector<Violation> kViolations = {
    {"非法捕捞水产品", "公斤", "在禁渔期使用电鱼方式捕捞", 500},
    {"滥伐林木", "立方米", "未取得采伐许可证擅自采伐", 60},
    {"非法占用农用地", "亩", "未经批准擅自占用耕地建房", 30},
    {"销售假冒伪劣产品", "件", "销售不符合标准的产品", 2000},
    {"非法收购珍贵野生动物", "只", "非法收购国家重点保护野生动物", 20},
    {"非法采矿", "吨", "未取得采矿许可证擅自开采", 5000},
    {"无证经营", "件", "未取得营业执照从事经营活动", 300},
    {"盗伐林木", "株", "盗伐他人林木", 400},
    {"非法经营农药", "公斤", "经营未取得登记的农药", 800},
};

struct Agency {
  std::string name;
  std::string code;
  std::string abbreviation;  // for case numbers, e.g. 郧农
  std::string region;
};

std::string Digits(Random& random, int count) {
  std::string digits;
  for (int index = 0; index < count; ++index) digits.push_back(static_cast<char>('0' + random.Next() % 10));
  return digits;
}

std::string Uscc(Random& random, const std::string& first2, const std::string& region) {
  std::string subject = Digits(random, 8);
  std::string first17 = first2 + region + subject + OrganizationCodeCheckCharacter(subject);
  return first17 + UsccCheckCharacter(first17);
}

std::string IdCard(Random& random) {
  char first17[32];
  Date birth = *Date::FromYmd(static_cast<int>(random.Between(1950, 2003)), static_cast<int>(random.Between(1, 12)),
                              static_cast<int>(random.Between(1, 28)));
  std::snprintf(first17, sizeof first17, "%s%04d%02d%02d%03d", random.Pick(kCounties).c_str(), birth.year(),
                birth.month(), birth.day(), static_cast<int>(random.Between(1, 999)));
  return std::string(first17) + IdCardCheckCharacter(first17);
}

std::string Name(Random& random) {
  std::string name = random.Pick(kSurnames) + random.Pick(kGiven);
  if (random.Chance(0.35)) name += random.Pick(kGiven);
  return name;
}

// A date as agencies write it: mostly ISO, sometimes with slashes, in Chinese, or compact.
std::string DateText(Random& random, Date date) {
  char text[64];
  uint64_t form = random.Next() % 100;
  if (form < 70) {
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", date.year(), date.month(), date.day());
  } else if (form < 85) {
    std::snprintf(text, sizeof text, "%d/%d/%d", date.year(), date.month(), date.day());
  } else if (form < 95) {
    std::snprintf(text, sizeof text, "%d年%d月%d日", date.year(), date.month(), date.day());
  } else {
    std::snprintf(text, sizeof text, "%04d%02d%02d", date.year(), date.month(), date.day());
  }
  return text;
}

// An amount in 元: whole or with 分, sometimes with thousands separators (then quoted).
std::string Money(Random& random, int64_t yuan) {
  std::string digits = std::to_string(yuan);
  if (yuan < 1000 || !random.Chance(0.2)) return digits;
  std::string grouped;
  for (size_t index = 0; index < digits.size(); ++index) {
    if (index > 0 && (digits.size() - index) % 3 == 0) grouped.push_back(',');
    grouped.push_back(digits[index]);
  }
  char cents[8];
  std::snprintf(cents, sizeof cents, ".%02d", static_cast<int>(random.Between(0, 99)));
  return "\"" + grouped + cents + "\"";  // quoted: it holds commas
}

// Breaks a valid ID number the way typing does: a wrong last digit.
std::string WrongCheckDigit(const std::string& id) {
  std::string broken = id;
  broken[17] = broken[17] == '1' ? '2' : '1';
  return broken;
}

class Output {
 public:
  explicit Output(const std::string& path) : file_(std::fopen(path.c_str(), "wb")) { buffer_.reserve(1 << 22); }
  ~Output() { Close(); }
  bool ok() const { return file_ != nullptr && ok_; }
  void Add(const std::string& text) {
    buffer_ += text;
    if (buffer_.size() >= (1 << 22)) Flush();
  }
  bool Close() {
    if (file_ == nullptr) return false;
    Flush();
    ok_ = std::fclose(file_) == 0 && ok_;
    file_ = nullptr;
    return ok_;
  }
  int64_t bytes() const { return bytes_; }

 private:
  void Flush() {
    if (file_ && !buffer_.empty()) ok_ = std::fwrite(buffer_.data(), 1, buffer_.size(), file_) == buffer_.size() && ok_;
    bytes_ += static_cast<int64_t>(buffer_.size());
    buffer_.clear();
  }
  std::FILE* file_;
  std::string buffer_;
  bool ok_ = true;
  int64_t bytes_ = 0;
};

}  // namespace

bool GenerateAdminCases(const std::string& path, int64_t rows, uint64_t seed, GeneratedFile* out) {
  Random random(seed);
  Output file(path);
  if (!file.ok()) return false;
  const std::vector<std::pair<std::string, std::string>> kinds = {
      {"农业农村局", "农"}, {"自然资源和规划局", "自然资"}, {"林业局", "林"}, {"市场监督管理局", "市监"},
      {"交通运输局", "交"}, {"生态环境分局", "环"}, {"税务局", "税"}};
  const std::vector<std::pair<std::string, std::string>> places = {
      {"十堰市茅箭区", "茅"}, {"十堰市张湾区", "张"}, {"十堰市郧阳区", "郧"}, {"郧西县", "郧西"},
      {"竹山县", "竹山"},     {"竹溪县", "竹溪"},     {"房县", "房"},       {"丹江口市", "丹"}};
  std::vector<Agency> agencies;
  for (size_t place = 0; place < places.size(); ++place) {
    for (const auto& [kind, short_kind] : kinds) {
      std::string region = kCounties[place];
      agencies.push_back({places[place].first + kind, Uscc(random, "11", region), places[place].second + short_kind,
                          region});
    }
  }
  file.Add(
      "案件编号,处罚决定书文号,执法机关,执法机关代码,当事人类型,当事人,证件号码,违法类型,违法事实,涉案数量,"
      "计量单位,涉案金额,违法所得,立案日期,处罚告知日期,是否申请听证,处罚决定日期,处罚种类,罚款金额,是否移送公安,"
      "移送日期,行政区划代码\r\n");
  std::vector<int> sequence(agencies.size() * 5, 0);
  int64_t noisy = 0;
  for (int64_t row = 0; row < rows; ++row) {
    const size_t agency_index = random.Next() % agencies.size();
    const Agency& agency = agencies[agency_index];
    const int year = static_cast<int>(random.Between(2019, 2023));
    const int number = ++sequence[agency_index * 5 + static_cast<size_t>(year - 2019)];
    const Violation& violation = random.Pick(kViolations);
    const bool person = random.Chance(0.85);
    std::string party = person ? Name(random)
                               : "十堰" + random.Pick(kCompanyWords) + random.Pick(kIndustries) + "有限公司";
    std::string party_id = person ? IdCard(random) : Uscc(random, "91", agency.region);
    if (person && party_id.compare(6, 3, "199") < 0 && random.Chance(0.02)) {
      party_id = party_id.substr(0, 6) + party_id.substr(8, 9);  // an old 15-digit number
    }
    if (person && party_id.size() == 18 && party_id[17] == 'X' && random.Chance(0.3)) party_id[17] = 'x';
    Date opened = *Date::FromYmd(year, static_cast<int>(random.Between(1, 12)), static_cast<int>(random.Between(1, 28)));
    Date notified = opened.AddDays(static_cast<int32_t>(random.Between(5, 40)));
    Date decided = notified.AddDays(static_cast<int32_t>(random.Between(3, 30)));
    const int quantity = static_cast<int>(random.Between(1, violation.max_quantity));
    const int64_t amount = quantity * random.Between(20, 400);
    const int64_t gain = amount / random.Between(2, 6);
    const int64_t fine = std::max<int64_t>(500, amount * random.Between(1, 3) / 10 * 10);
    const bool transferred = random.Chance(0.05);
    char case_no[96];
    std::snprintf(case_no, sizeof case_no, "%s-%d-%06d", agency.abbreviation.c_str(), year, number);
    char decision_no[128];
    std::snprintf(decision_no, sizeof decision_no, "%s罚〔%d〕%d号", agency.abbreviation.c_str(), year, number);
    std::string facts = DateText(random, opened) + "，当事人" + party + violation.act + "，涉案" +
                        std::to_string(quantity) + violation.unit + "，货值约" + std::to_string(amount) + "元。";
    if (random.Chance(0.05)) facts = "\"" + facts + "经查,属实\"";  // an ASCII comma: quoted
    std::string id_text = party_id;
    std::string name_text = party;
    std::string decided_text = DateText(random, decided);
    // Noise: about 0.5% of rows carry a value the importer must reject.
    uint64_t noise = random.Next() % 1000;
    if (noise < 3 && person && party_id.size() == 18) {
      id_text = WrongCheckDigit(party_id);
      ++noisy;
    } else if (noise == 3) {
      name_text.clear();
      ++noisy;
    } else if (noise == 4) {
      char impossible[32];
      std::snprintf(impossible, sizeof impossible, "%d-02-30", year);
      decided_text = impossible;
      ++noisy;
    } else if (noise == 5 && person) {
      id_text = " " + id_text + " ";  // spaces around: accepted
    }
    std::string line;
    line.reserve(512);
    line += case_no;
    line += ',';
    line += decision_no;
    line += ',' + agency.name + ',' + agency.code + ',' + (person ? "个人" : "单位") + ',' + name_text + ',' +
            id_text + ',' + violation.type + ',' + facts + ',' + std::to_string(quantity) + ',' + violation.unit +
            ',' + Money(random, amount) + ',' + Money(random, gain) + ',' + DateText(random, opened) + ',' +
            DateText(random, notified) + ',' + (random.Chance(0.1) ? "是" : "否") + ',' + decided_text + ',' +
            (gain > 0 ? "罚款、没收违法所得" : "罚款") + ',' + Money(random, fine) + ',' +
            (transferred ? "是" : "否") + ',' + (transferred ? DateText(random, decided.AddDays(10)) : "") + ',' +
            agency.region + "\r\n";
    file.Add(line);
  }
  out->path = path;
  out->rows = rows;
  out->noisy_rows = noisy;
  bool closed = file.Close();
  out->bytes = file.bytes();
  return closed;
}

bool GenerateSocialInsurance(const std::string& path, int64_t rows, uint64_t seed, GeneratedFile* out) {
  Random random(seed);
  Output file(path);
  if (!file.ok()) return false;
  // A city: employers with their staff; about one person in fifty changes employer a year.
  const int64_t persons = rows / 12 + 1;
  const int64_t employers = std::max<int64_t>(1, persons / 20);
  std::vector<std::string> employer_codes;
  for (int64_t employer = 0; employer < employers; ++employer) {
    employer_codes.push_back(Uscc(random, "91", random.Pick(kCounties)));
  }
  struct Person {
    std::string id;
    std::string name;
    int64_t employer;
    int64_t wage;
  };
  std::vector<Person> people;
  people.reserve(static_cast<size_t>(persons));
  for (int64_t person = 0; person < persons; ++person) {
    people.push_back({IdCard(random), Name(random), static_cast<int64_t>(random.Next() % employers),
                      random.Between(300, 2500) * 10});
  }
  // Staff lists per employer, in person order.
  std::vector<std::vector<int64_t>> staff(static_cast<size_t>(employers));
  for (int64_t person = 0; person < persons; ++person) staff[people[person].employer].push_back(person);

  file.Add("单位信用代码,身份证号,姓名,缴费年月,缴费基数\r\n");
  int64_t written = 0;
  int64_t noisy = 0;
  for (int month = 1; month <= 12 && written < rows; ++month) {
    char period[32];
    for (int64_t employer = 0; employer < employers && written < rows; ++employer) {
      for (int64_t person : staff[employer]) {
        if (written >= rows) break;
        const Person& who = people[person];
        uint64_t form = random.Next() % 100;
        if (form < 90) {
          std::snprintf(period, sizeof period, "2023-%02d", month);
        } else if (form < 97) {
          std::snprintf(period, sizeof period, "2023%02d", month);
        } else {
          std::snprintf(period, sizeof period, "2023年%d月", month);
        }
        std::string id = who.id;
        uint64_t noise = random.Next() % 10000;
        if (noise < 20) {
          id = WrongCheckDigit(id);
          ++noisy;
        } else if (noise < 25) {
          // Full-width digits typed on a Chinese input method: accepted.
          std::string wide;
          for (char c : id) {
            if (c >= '0' && c <= '9') {
              wide += "\xEF\xBC";
              wide.push_back(static_cast<char>(0x90 + (c - '0')));
            } else {
              wide.push_back(c);
            }
          }
          id = wide;
        }
        std::string line = employer_codes[employer] + ',' + id + ',' + who.name + ',' + period + ',' +
                           std::to_string(who.wage) + "\r\n";
        file.Add(line);
        ++written;
        // Now and then a declaration lists a person twice: the same row (unchanged).
        if (noise >= 9995 && written < rows) {
          file.Add(line);
          ++written;
        }
      }
    }
    // Staff changes between months.
    for (int64_t change = 0; change < persons / 600; ++change) {
      Person& who = people[random.Next() % people.size()];
      who.employer = static_cast<int64_t>(random.Next() % employers);
    }
    for (auto& list : staff) list.clear();
    for (int64_t person = 0; person < persons; ++person) staff[people[person].employer].push_back(person);
  }
  out->path = path;
  out->rows = written;
  out->noisy_rows = noisy;
  bool closed = file.Close();
  out->bytes = file.bytes();
  return closed;
}

}  // namespace shujian::bench
