#include "workflow/audit_reader.h"

#include <functional>
#include <nlohmann/json.hpp>

#include "workflow/masking.h"

namespace shujian::workflow {
namespace {

// Masks names and ID numbers in a JSON snapshot for a reader who does not see personal data.
std::string MaskSnapshot(const std::string& json, const AccessRules& rules, PersonalDataView view) {
  if (view == PersonalDataView::kPlain) return json;
  nlohmann::json value = nlohmann::json::parse(json, nullptr, false);
  if (value.is_discarded()) return MaskIdNumbersInText(json, view);
  std::function<void(nlohmann::json&)> walk = [&](nlohmann::json& node) {
    if (node.is_object()) {
      for (auto& [key, child] : node.items()) {
        if (child.is_string() && rules.name_fields.count(key)) {
          child = MaskName(child.get<std::string>(), view);
        } else if (child.is_string() && rules.id_number_fields.count(key)) {
          child = MaskIdNumber(child.get<std::string>(), view);
        } else {
          walk(child);
        }
      }
    } else if (node.is_array()) {
      for (auto& child : node) walk(child);
    } else if (node.is_string()) {
      node = MaskIdNumbersInText(node.get<std::string>(), view);
    }
  };
  walk(value);
  return value.dump();
}

}  // namespace

Result<std::vector<store::AuditEvent>> AuditReader::Read(const std::string& actor_login,
                                                         int64_t from_seq, int limit,
                                                         const std::string& object_id) const {
  SJ_ASSIGN_OR_RETURN(auto transaction, context_.store->Begin(store::TransactionMode::kRead));
  AccessPolicy policy = context_.policy();
  SJ_ASSIGN_OR_RETURN(Actor actor, policy.Resolve(*transaction, actor_login));
  SJ_RETURN_IF_ERROR(policy.CheckAdmin(actor, "查看审计", "查看审计记录"));
  std::vector<store::AuditEvent> events;
  if (object_id.empty()) {
    SJ_ASSIGN_OR_RETURN(events, transaction->audit().Read(from_seq, limit));
  } else {
    SJ_ASSIGN_OR_RETURN(events, transaction->audit().ReadForObject(object_id));
  }
  PersonalDataView view =
      actor.local_operator ? PersonalDataView::kPlain : PersonalDataView::kMasked;
  for (store::AuditEvent& event : events) {
    event.before_json = MaskSnapshot(event.before_json, context_.procedure->access(), view);
    event.after_json = MaskSnapshot(event.after_json, context_.procedure->access(), view);
  }
  return events;
}

Result<AuditVerification> AuditReader::Verify(
    const std::string& actor_login, std::optional<std::pair<int64_t, std::string>> anchor) const {
  SJ_ASSIGN_OR_RETURN(auto transaction, context_.store->Begin(store::TransactionMode::kRead));
  AccessPolicy policy = context_.policy();
  SJ_ASSIGN_OR_RETURN(Actor actor, policy.Resolve(*transaction, actor_login));
  SJ_RETURN_IF_ERROR(policy.CheckAdmin(actor, "核验审计", "核验审计记录"));
  return context_.audit->Verify(*transaction, anchor);
}

}  // namespace shujian::workflow
