// Emit: every input row becomes a finding of the step's sub-rule — its subject, title, label,
// addressee and facts evaluated on the row, and its evidence traced through the lineage back to
// the dataset rows of the read steps (and to the parameter-table rows it was compared with). A
// record subject is each row of the named read step the row descends from (through a rolling
// window only the row itself, not its window); a subject key that is null produces no finding
// and is reported to the analyst.
#include <algorithm>

#include "engine/exec/expression_evaluator.h"
#include "engine/exec/operators.h"
#include "engine/lead/notes.h"

namespace shujian::engine {
namespace {

std::string Render(const Vector& vector, size_t row, const StringPool& pool) {
  if (vector.IsNull(row)) return "（空）";
  if (vector.type.id == TypeId::kString) return std::string(pool.Get(static_cast<uint32_t>(vector.data[row])));
  return FormatScalarForTitle(vector.type.id, vector.data[row]);
}

// Evaluated parts of a template over one batch.
struct TemplateValues {
  const BoundTemplate* templ;
  std::vector<Vector> parts;  // one per expression part
};

TemplateValues EvaluateTemplate(ExpressionEvaluator* evaluator, const BoundTemplate& templ, const Relation& input,
                                size_t begin, size_t end) {
  TemplateValues values{&templ, {}};
  for (const BoundTemplate::Part& part : templ.parts) {
    if (part.expr) values.parts.push_back(evaluator->Evaluate(*part.expr, input, begin, end));
  }
  return values;
}

std::string Fill(const TemplateValues& values, size_t row, const StringPool& pool) {
  std::string text;
  size_t expr_index = 0;
  for (const BoundTemplate::Part& part : values.templ->parts) {
    if (part.expr) {
      text += Render(values.parts[expr_index++], row, pool);
    } else {
      text += part.literal;
    }
  }
  return text;
}

}  // namespace

void EmitOperator(ExecContext* context, int step_index) {
  const BoundModel& model = *context->model;
  const BoundStep& step = model.steps[step_index];
  const BoundEmit& emit = step.emit;
  const Relation& input = *context->relations[step.input];
  const StringPool& pool = *context->pool;
  ExpressionEvaluator evaluator(context);
  std::vector<const Relation*> relations(context->relations.size(), nullptr);
  for (size_t index = 0; index < relations.size(); ++index) relations[index] = context->relations[index].get();
  size_t missing_subjects = 0;

  for (size_t begin = 0; begin < input.rows; begin += context->batch_size) {
    size_t end = std::min(input.rows, begin + context->batch_size);
    TemplateValues title = EvaluateTemplate(&evaluator, emit.title, input, begin, end);
    TemplateValues label = EvaluateTemplate(&evaluator, emit.label, input, begin, end);
    TemplateValues addressee = EvaluateTemplate(&evaluator, emit.addressee, input, begin, end);
    std::vector<Vector> facts;
    for (const auto& [name, fact] : emit.facts) facts.push_back(evaluator.Evaluate(fact, input, begin, end));
    Vector key;
    if (emit.subject_key) key = evaluator.Evaluate(*emit.subject_key, input, begin, end);

    for (size_t offset = 0; offset < end - begin; ++offset) {
      size_t row = begin + offset;
      std::vector<std::vector<int32_t>> base_rows(model.steps.size());
      TraceBaseRows(relations, step.input, static_cast<int32_t>(row), &base_rows);
      EmittedRow emitted;
      emitted.emit_step = step_index;
      emitted.subject_kind = emit.subject_kind;
      emitted.title = Fill(title, offset, pool);
      emitted.label = Fill(label, offset, pool);
      emitted.addressee = Fill(addressee, offset, pool);
      for (size_t index = 0; index < emit.facts.size(); ++index) {
        const Vector& vector = facts[index];
        Value value = Value::Null(vector.type);
        if (!vector.IsNull(offset)) {
          value = vector.type.id == TypeId::kString
                      ? Value::Text(std::string(pool.Get(static_cast<uint32_t>(vector.data[offset]))), vector.type)
                      : Value::Scalar(vector.type, vector.data[offset]);
        }
        emitted.facts.emplace_back(emit.facts[index].first, std::move(value));
      }
      for (int read : emit.evidence_steps) {
        std::vector<int32_t>& rows = base_rows[read];
        std::sort(rows.begin(), rows.end());
        rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
        for (int32_t base : rows) emitted.evidence.emplace_back(read, base);
      }
      std::sort(emitted.evidence.begin(), emitted.evidence.end());
      for (size_t index = 0; index < model.steps.size(); ++index) {
        if (model.steps[index].kind != StepKind::kLookup) continue;
        std::vector<int32_t>& rows = base_rows[index];
        std::sort(rows.begin(), rows.end());
        rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
        for (int32_t base : rows) emitted.parameters.emplace_back(static_cast<int>(index), base);
      }
      if (emit.subject_step >= 0) {
        std::vector<std::vector<int32_t>> own_rows(model.steps.size());
        TraceBaseRows(relations, step.input, static_cast<int32_t>(row), &own_rows, /*self_only=*/true);
        std::vector<int32_t>& subjects = own_rows[emit.subject_step];
        std::sort(subjects.begin(), subjects.end());
        subjects.erase(std::unique(subjects.begin(), subjects.end()), subjects.end());
        const LoadedDataset& dataset = *context->datasets[emit.subject_step];
        for (int32_t subject : subjects) {
          EmittedRow copy = emitted;
          copy.subject_dataset = dataset.schema->name;
          copy.subject_key = dataset.Key(subject, pool);
          context->emitted.push_back(std::move(copy));
        }
        continue;
      }
      if (key.IsNull(offset) || pool.Get(static_cast<uint32_t>(key.data[offset])).empty()) {
        ++missing_subjects;
        continue;
      }
      emitted.subject_key = std::string(pool.Get(static_cast<uint32_t>(key.data[offset])));
      context->emitted.push_back(std::move(emitted));
    }
  }
  if (missing_subjects > 0) {
    context->notes.push_back(MissingSubjectNote(emit.rule, missing_subjects, emit.subject_key->text));
  }
}

}  // namespace shujian::engine
