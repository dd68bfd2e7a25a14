// shujian: the command line of the platform. Parses the command line with CLI11, runs the
// chosen command's action, and turns the outcome into the exit codes of shared/spec/cli.md.
#include <csignal>
#include <cstdio>
#include <exception>

#include "cli/command.h"
#include "cli/command_table.h"
#include "core/version.h"
#include "store/sqlite/sqlite_migrator.h"

namespace shujian::cli {
namespace {

constexpr const char* kFooter = R"(退出码：0 完成；1 完成但有需要注意的结果（如无效的值）；2 输入或用法不可用（未做任何修改）；3 内部错误。
数据库：--db 指定；未指定时用环境变量 SHUJIAN_DB，否则用当前目录的 shujian.db。
每个命令的说明和示例：shujian 命令 --help

示例：
  shujian init
  shujian check id 420304800101251 42030419800101123X --json)";

int Run(int argc, char** argv) {
  CLI::App app{"数检（shujian）：大数据法律监督平台的命令行", "shujian"};
  app.footer(kFooter);
  app.require_subcommand(0, 1);
  app.fallthrough();
  app.set_help_flag("-h,--help", "显示帮助");
  GlobalOptions options;
  app.add_option("--db", options.db, "数据库文件（或 postgresql:// 连接串）")->type_name("PATH");
  app.add_flag("--json", options.json, "在标准输出打印一个 JSON 文档，其他信息写到标准错误");
  app.set_version_flag("--version",
                       "shujian " + std::string(kShujianVersion) + "（数据库结构版本 " +
                           std::to_string(store::LatestSqliteSchemaVersion()) + "）",
                       "显示版本");

  CommandAction action;
  for (RegisterCommand register_command : CommandTable()) register_command(app, &action);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    std::fputs(app.help().c_str(), stdout);
    return kExitDone;
  } catch (const CLI::CallForAllHelp&) {
    std::fputs(app.help("", CLI::AppFormatMode::All).c_str(), stdout);
    return kExitDone;
  } catch (const CLI::CallForVersion& version) {
    std::fprintf(stdout, "%s\n", version.what());
    return kExitDone;
  } catch (const CLI::ParseError& error) {
    std::fprintf(stderr, "用法错误：%s\n请运行 shujian --help 查看用法。\n", error.what());
    return kExitUsage;
  }
  if (!action) {
    std::fputs(app.help().c_str(), stdout);
    return kExitDone;
  }
  Output output(options.json);
  SystemClock clock;
  CommandContext context{&options, &output, &clock};
  return action(context);
}

}  // namespace
}  // namespace shujian::cli

int main(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);
  try {
    return shujian::cli::Run(argc, argv);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "内部错误：%s\n", error.what());
    return shujian::cli::kExitInternal;
  }
}
