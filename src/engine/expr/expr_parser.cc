#include "engine/expr/expr_parser.h"

#include <cctype>
#include <vector>

namespace shujian::engine {
namespace {

constexpr int kMaxDepth = 200;

enum class TokenKind { kEnd, kNumber, kString, kIdent, kParam, kSymbol };

struct Token {
  TokenKind kind = TokenKind::kEnd;
  std::string text;  // identifier (as written), symbol, number, string value
  int offset = 0;
};

bool IsIdentStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool IsIdentChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// Splits the text into tokens; the first lexical error ends the list with an error.
class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}

  bool Run(std::vector<Token>* tokens, ExprSyntaxError* error) {
    while (true) {
      SkipSpace();
      Token token;
      token.offset = static_cast<int>(pos_);
      if (pos_ >= text_.size()) {
        tokens->push_back(token);
        return true;
      }
      char c = text_[pos_];
      if (std::isdigit(static_cast<unsigned char>(c))) {
        token.kind = TokenKind::kNumber;
        while (pos_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[pos_]))) {
          token.text += text_[pos_++];
        }
        if (pos_ + 1 < text_.size() && text_[pos_] == '.' &&
            std::isdigit(static_cast<unsigned char>(text_[pos_ + 1]))) {
          token.text += text_[pos_++];
          while (pos_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[pos_]))) {
            token.text += text_[pos_++];
          }
        }
        if (pos_ < text_.size() && IsIdentChar(text_[pos_])) {
          *error = {static_cast<int>(pos_), "数字后面紧跟着字母；数字和单位之间要有空格，如 365 days"};
          return false;
        }
      } else if (c == '\'' || c == '"') {
        token.kind = TokenKind::kString;
        char quote = c;
        ++pos_;
        bool closed = false;
        while (pos_ < text_.size()) {
          char d = text_[pos_++];
          if (d == '\\' && pos_ < text_.size()) {
            token.text += text_[pos_++];
            continue;
          }
          if (d == quote) {
            closed = true;
            break;
          }
          token.text += d;
        }
        if (!closed) {
          *error = {token.offset, "字符串没有结束引号"};
          return false;
        }
      } else if (c == '$') {
        token.kind = TokenKind::kParam;
        ++pos_;
        if (pos_ >= text_.size() || !IsIdentStart(text_[pos_])) {
          *error = {token.offset, "$ 后面应是参数名，如 $window_days"};
          return false;
        }
        while (pos_ < text_.size() && IsIdentChar(text_[pos_])) token.text += text_[pos_++];
      } else if (IsIdentStart(c)) {
        token.kind = TokenKind::kIdent;
        while (pos_ < text_.size() && IsIdentChar(text_[pos_])) token.text += text_[pos_++];
      } else {
        token.kind = TokenKind::kSymbol;
        static constexpr std::string_view kTwo[] = {"<=", ">=", "!=", "<>", "==", "||"};
        bool matched = false;
        for (std::string_view two : kTwo) {
          if (text_.substr(pos_, 2) == two) {
            token.text = std::string(two);
            pos_ += 2;
            matched = true;
            break;
          }
        }
        if (!matched) {
          static constexpr std::string_view kOne = "+-*/%=<>(),.[]";
          if (kOne.find(c) == std::string_view::npos) {
            *error = {token.offset, NonAsciiHint(c)};
            return false;
          }
          token.text = std::string(1, c);
          ++pos_;
        }
        if (token.text == "==") token.text = "=";
        if (token.text == "<>") token.text = "!=";
        if (token.text == "||") {
          *error = {token.offset, "不支持 ||；拼接文本请用 concat(a, b)"};
          return false;
        }
      }
      tokens->push_back(std::move(token));
    }
  }

 private:
  void SkipSpace() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  }
  static std::string NonAsciiHint(char c) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      return "这里不能出现中文或全角字符；文本值要加引号，如 '是'，运算符用半角，如 >=";
    }
    return std::string("无法识别的字符「") + c + "」";
  }

  std::string_view text_;
  size_t pos_ = 0;
};

class Parser {
 public:
  explicit Parser(std::vector<Token> tokens) : tokens_(std::move(tokens)) {}

  bool ParseAll(ExprNode* node) {
    if (!ParseOr(node)) return false;
    if (Peek().kind != TokenKind::kEnd) {
      return Fail(Peek().offset, "多余的内容「" + Peek().text + "」；两个条件之间要用 and 或 or 连接");
    }
    return true;
  }
  const ExprSyntaxError& error() const { return error_; }

 private:
  const Token& Peek(size_t ahead = 0) const {
    size_t index = std::min(pos_ + ahead, tokens_.size() - 1);
    return tokens_[index];
  }
  Token Next() { return tokens_[std::min(pos_++, tokens_.size() - 1)]; }
  bool IsKeyword(const Token& token, std::string_view keyword) const {
    return token.kind == TokenKind::kIdent && Lower(token.text) == keyword;
  }
  bool IsSymbol(const Token& token, std::string_view symbol) const {
    return token.kind == TokenKind::kSymbol && token.text == symbol;
  }
  bool Fail(int offset, std::string message) {
    error_ = {offset, std::move(message)};
    return false;
  }
  bool Expect(std::string_view symbol, std::string_view what) {
    if (!IsSymbol(Peek(), symbol)) {
      return Fail(Peek().offset, "缺少" + std::string(what));
    }
    Next();
    return true;
  }

  struct DepthGuard {
    explicit DepthGuard(int* depth) : depth(depth) { ++*depth; }
    ~DepthGuard() { --*depth; }
    int* depth;
  };

  static ExprNode Binary(std::string op, ExprNode left, ExprNode right, int offset) {
    ExprNode node;
    node.kind = ExprKind::kBinary;
    node.op = std::move(op);
    node.offset = offset;
    node.args.push_back(std::move(left));
    node.args.push_back(std::move(right));
    return node;
  }

  bool ParseOr(ExprNode* node) {
    DepthGuard guard(&depth_);
    if (depth_ > kMaxDepth) return Fail(Peek().offset, "表达式嵌套过深");
    if (!ParseAnd(node)) return false;
    while (IsKeyword(Peek(), "or")) {
      Next();
      ExprNode right;
      if (!ParseAnd(&right)) return false;
      int offset = node->offset;
      *node = Binary("or", std::move(*node), std::move(right), offset);
    }
    return true;
  }

  bool ParseAnd(ExprNode* node) {
    if (!ParseNot(node)) return false;
    while (IsKeyword(Peek(), "and")) {
      Next();
      ExprNode right;
      if (!ParseNot(&right)) return false;
      int offset = node->offset;
      *node = Binary("and", std::move(*node), std::move(right), offset);
    }
    return true;
  }

  bool ParseNot(ExprNode* node) {
    DepthGuard guard(&depth_);
    if (depth_ > kMaxDepth) return Fail(Peek().offset, "表达式嵌套过深");
    if (IsKeyword(Peek(), "not")) {
      int offset = Next().offset;
      ExprNode operand;
      if (!ParseNot(&operand)) return false;
      node->kind = ExprKind::kUnary;
      node->op = "not";
      node->offset = offset;
      node->args.clear();
      node->args.push_back(std::move(operand));
      return true;
    }
    return ParseCompare(node);
  }

  bool ParseCompare(ExprNode* node) {
    if (!ParseAdd(node)) return false;
    const Token& token = Peek();
    static constexpr std::string_view kCompare[] = {"=", "!=", "<", "<=", ">", ">="};
    for (std::string_view op : kCompare) {
      if (IsSymbol(token, op)) {
        Next();
        ExprNode right;
        if (!ParseAdd(&right)) return false;
        int offset = node->offset;
        *node = Binary(std::string(op), std::move(*node), std::move(right), offset);
        return true;
      }
    }
    if (IsKeyword(token, "is")) {
      Next();
      bool negated = false;
      if (IsKeyword(Peek(), "not")) {
        Next();
        negated = true;
      }
      if (!IsKeyword(Peek(), "null")) return Fail(Peek().offset, "is 后面应是 null 或 not null");
      Next();
      ExprNode result;
      result.kind = ExprKind::kIsNull;
      result.negated = negated;
      result.offset = node->offset;
      result.args.push_back(std::move(*node));
      *node = std::move(result);
      return true;
    }
    bool negated = false;
    if (IsKeyword(token, "not") && (IsKeyword(Peek(1), "in") || IsKeyword(Peek(1), "between"))) {
      Next();
      negated = true;
    }
    if (IsKeyword(Peek(), "in")) {
      Next();
      ExprNode result;
      result.kind = ExprKind::kIn;
      result.negated = negated;
      result.offset = node->offset;
      result.args.push_back(std::move(*node));
      if (Peek().kind == TokenKind::kParam) {
        Token param = Next();
        ExprNode item;
        item.kind = ExprKind::kParam;
        item.text = param.text;
        item.offset = param.offset;
        result.args.push_back(std::move(item));
      } else {
        std::string close = IsSymbol(Peek(), "[") ? "]" : ")";
        if (!IsSymbol(Peek(), "(") && !IsSymbol(Peek(), "[")) {
          return Fail(Peek().offset, "in 后面应是括号中的值列表，如 in ('客车', '校车')，或列表参数 $name");
        }
        Next();
        while (true) {
          ExprNode item;
          if (!ParseOr(&item)) return false;
          result.args.push_back(std::move(item));
          if (IsSymbol(Peek(), ",")) {
            Next();
            continue;
          }
          if (!Expect(close, close == ")" ? "右括号 )" : "右方括号 ]")) return false;
          break;
        }
      }
      *node = std::move(result);
      return true;
    }
    if (IsKeyword(Peek(), "between")) {
      Next();
      ExprNode low, high;
      if (!ParseAdd(&low)) return false;
      if (!IsKeyword(Peek(), "and")) return Fail(Peek().offset, "between 的两端之间要用 and");
      Next();
      if (!ParseAdd(&high)) return false;
      ExprNode result;
      result.kind = ExprKind::kBetween;
      result.negated = negated;
      result.offset = node->offset;
      result.args.push_back(std::move(*node));
      result.args.push_back(std::move(low));
      result.args.push_back(std::move(high));
      *node = std::move(result);
      return true;
    }
    if (negated) return Fail(token.offset, "not 后面应是 in 或 between");
    return true;
  }

  bool ParseAdd(ExprNode* node) {
    if (!ParseMul(node)) return false;
    while (IsSymbol(Peek(), "+") || IsSymbol(Peek(), "-")) {
      std::string op = Next().text;
      ExprNode right;
      if (!ParseMul(&right)) return false;
      int offset = node->offset;
      *node = Binary(op, std::move(*node), std::move(right), offset);
    }
    return true;
  }

  bool ParseMul(ExprNode* node) {
    if (!ParseUnary(node)) return false;
    while (IsSymbol(Peek(), "*") || IsSymbol(Peek(), "/") || IsSymbol(Peek(), "%")) {
      std::string op = Next().text;
      ExprNode right;
      if (!ParseUnary(&right)) return false;
      int offset = node->offset;
      *node = Binary(op, std::move(*node), std::move(right), offset);
    }
    return true;
  }

  bool ParseUnary(ExprNode* node) {
    DepthGuard guard(&depth_);
    if (depth_ > kMaxDepth) return Fail(Peek().offset, "表达式嵌套过深");
    if (IsSymbol(Peek(), "-")) {
      int offset = Next().offset;
      ExprNode operand;
      if (!ParseUnary(&operand)) return false;
      if (operand.kind == ExprKind::kNumber && operand.text[0] != '-') {
        operand.text = "-" + operand.text;
        operand.offset = offset;
        *node = std::move(operand);
        return true;
      }
      node->kind = ExprKind::kUnary;
      node->op = "-";
      node->offset = offset;
      node->args.clear();
      node->args.push_back(std::move(operand));
      return true;
    }
    return ParsePostfix(node);
  }

  bool ParsePostfix(ExprNode* node) {
    if (!ParsePrimary(node)) return false;
    const Token& token = Peek();
    if (token.kind == TokenKind::kIdent && !IsSymbol(Peek(1), "(")) {
      std::string unit = Lower(token.text);
      if (unit == "day" || unit == "days" || unit == "month" || unit == "months" ||
          unit == "year" || unit == "years") {
        Next();
        if (unit.back() != 's') unit += 's';
        ExprNode interval;
        interval.kind = ExprKind::kInterval;
        interval.op = unit;
        interval.offset = node->offset;
        interval.args.push_back(std::move(*node));
        *node = std::move(interval);
      }
    }
    return true;
  }

  bool ParsePrimary(ExprNode* node) {
    Token token = Peek();
    node->offset = token.offset;
    switch (token.kind) {
      case TokenKind::kEnd:
        return Fail(token.offset, "表达式不完整");
      case TokenKind::kNumber:
        Next();
        node->kind = ExprKind::kNumber;
        node->text = token.text;
        return true;
      case TokenKind::kString:
        Next();
        node->kind = ExprKind::kString;
        node->text = token.text;
        return true;
      case TokenKind::kParam:
        Next();
        node->kind = ExprKind::kParam;
        node->text = token.text;
        return true;
      case TokenKind::kSymbol:
        if (token.text == "(") {
          Next();
          if (!ParseOr(node)) return false;
          return Expect(")", "右括号 )");
        }
        return Fail(token.offset, "这里应是一个值、列名或函数，而不是「" + token.text + "」");
      case TokenKind::kIdent:
        break;
    }
    Next();
    std::string lower = Lower(token.text);
    if (lower == "true" || lower == "false") {
      node->kind = ExprKind::kBool;
      node->text = lower;
      return true;
    }
    if (lower == "null") {
      node->kind = ExprKind::kNull;
      return true;
    }
    static constexpr std::string_view kReserved[] = {"and", "or", "not", "in", "between", "is"};
    for (std::string_view reserved : kReserved) {
      if (lower == reserved) return Fail(token.offset, "「" + token.text + "」前面缺少一个值");
    }
    if (IsSymbol(Peek(), "(")) {
      Next();
      node->kind = ExprKind::kCall;
      node->text = lower;
      if (IsSymbol(Peek(), ")")) {
        Next();
        return true;
      }
      while (true) {
        ExprNode arg;
        if (!ParseOr(&arg)) return false;
        node->args.push_back(std::move(arg));
        if (IsSymbol(Peek(), ",")) {
          Next();
          continue;
        }
        return Expect(")", "函数调用的右括号 )");
      }
    }
    node->kind = ExprKind::kColumn;
    if (IsSymbol(Peek(), ".")) {
      Next();
      if (Peek().kind != TokenKind::kIdent) return Fail(Peek().offset, "「.」后面应是列名");
      node->qualifier = token.text;
      node->name = Next().text;
    } else {
      node->name = token.text;
    }
    return true;
  }

  std::vector<Token> tokens_;
  size_t pos_ = 0;
  int depth_ = 0;
  ExprSyntaxError error_;
};

// Binding strength of a node: how tightly it holds its operands (higher binds tighter).
int Precedence(const ExprNode& node) {
  switch (node.kind) {
    case ExprKind::kBinary:
      if (node.op == "or") return 1;
      if (node.op == "and") return 2;
      if (node.op == "+" || node.op == "-") return 5;
      if (node.op == "*" || node.op == "/" || node.op == "%") return 6;
      return 4;  // comparisons
    case ExprKind::kUnary: return node.op == "not" ? 3 : 7;
    case ExprKind::kIn:
    case ExprKind::kBetween:
    case ExprKind::kIsNull: return 4;
    case ExprKind::kInterval: return 8;
    default: return 9;
  }
}

void Print(const ExprNode& node, std::string* out);

// Prints `child` of a parent with precedence `parent`, in parentheses when it binds less
// tightly (or equally, on the right of a left-associative operator).
void PrintChild(const ExprNode& child, int parent, bool right, std::string* out) {
  int own = Precedence(child);
  bool wrap = own < parent || (right && own == parent && parent >= 4);
  if (wrap) *out += "(";
  Print(child, out);
  if (wrap) *out += ")";
}

void Print(const ExprNode& node, std::string* out) {
  int precedence = Precedence(node);
  switch (node.kind) {
    case ExprKind::kNumber: *out += node.text; return;
    case ExprKind::kString: {
      *out += '\'';
      for (char c : node.text) {
        if (c == '\\' || c == '\'') *out += '\\';
        *out += c;
      }
      *out += '\'';
      return;
    }
    case ExprKind::kBool: *out += node.text; return;
    case ExprKind::kNull: *out += "null"; return;
    case ExprKind::kColumn:
      *out += node.qualifier.empty() ? node.name : node.qualifier + "." + node.name;
      return;
    case ExprKind::kParam: *out += "$" + node.text; return;
    case ExprKind::kUnary:
      *out += node.op == "not" ? "not " : "-";
      PrintChild(node.args[0], precedence, false, out);
      return;
    case ExprKind::kBinary:
      PrintChild(node.args[0], precedence, false, out);
      *out += " " + node.op + " ";
      PrintChild(node.args[1], precedence, true, out);
      return;
    case ExprKind::kCall:
      *out += node.text + "(";
      for (size_t index = 0; index < node.args.size(); ++index) {
        if (index > 0) *out += ", ";
        Print(node.args[index], out);
      }
      *out += ")";
      return;
    case ExprKind::kIn:
      PrintChild(node.args[0], precedence + 1, false, out);
      *out += node.negated ? " not in " : " in ";
      if (node.args.size() == 2 && node.args[1].kind == ExprKind::kParam) {
        Print(node.args[1], out);
        return;
      }
      *out += "(";
      for (size_t index = 1; index < node.args.size(); ++index) {
        if (index > 1) *out += ", ";
        Print(node.args[index], out);
      }
      *out += ")";
      return;
    case ExprKind::kBetween:
      PrintChild(node.args[0], precedence + 1, false, out);
      *out += node.negated ? " not between " : " between ";
      PrintChild(node.args[1], precedence + 1, false, out);
      *out += " and ";
      PrintChild(node.args[2], precedence + 1, false, out);
      return;
    case ExprKind::kIsNull:
      PrintChild(node.args[0], precedence + 1, false, out);
      *out += node.negated ? " is not null" : " is null";
      return;
    case ExprKind::kInterval:
      PrintChild(node.args[0], precedence, false, out);
      *out += " " + node.op;
      return;
  }
}

}  // namespace

std::string ExprToString(const ExprNode& node) {
  std::string out;
  Print(node, &out);
  return out;
}

std::variant<ExprNode, ExprSyntaxError> ParseExpression(std::string_view text) {
  std::vector<Token> tokens;
  ExprSyntaxError error;
  Lexer lexer(text);
  if (!lexer.Run(&tokens, &error)) return error;
  if (tokens.size() > 4000) return ExprSyntaxError{0, "表达式过长（超过4000个记号）；请拆成几个 compute 步骤"};
  Parser parser(std::move(tokens));
  ExprNode node;
  if (!parser.ParseAll(&node)) return parser.error();
  return node;
}

}  // namespace shujian::engine
