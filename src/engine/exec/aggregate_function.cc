#include "engine/exec/aggregate_function.h"

#include <algorithm>

#include "engine/exec/row_grouper.h"
#include "engine/function/scalar_ops.h"

namespace shujian::engine {
AggregateFunction::AggregateFunction(ExecContext* context, ExpressionEvaluator* evaluator,
                                     const BoundAggregate& call, const Relation& input)
    : context_(context), call_(call) {
  for (const BoundExpr& arg : call.args) args_.push_back(evaluator->EvaluateAll(arg, input));
  if (call.function == AggregateId::kCountDistinct) {
    std::vector<const Vector*> vectors;
    std::vector<const BoundExpr*> exprs;
    for (size_t index = 0; index < call.args.size(); ++index) {
      vectors.push_back(&args_[index]);
      exprs.push_back(&call.args[index]);
    }
    KeyColumns keys = KeysFromVectors(context->pool, vectors, GroupForms(exprs), input.rows);
    RowGroups tuples = GroupRows(keys, /*skip_null_keys=*/true);
    tuple_ = std::move(tuples.group_of_row);
  }
}

void AggregateFunction::Compute(std::span<const int32_t> members, Vector* out) const {
  StringPool& pool = *context_->pool;
  TypeId result = call_.type.id;
  switch (call_.function) {
    case AggregateId::kCount: {
      if (args_.empty()) {
        out->Append(static_cast<int64_t>(members.size()));
        return;
      }
      int64_t count = 0;
      for (int32_t row : members) count += args_[0].IsNull(row) ? 0 : 1;
      out->Append(count);
      return;
    }
    case AggregateId::kCountDistinct: {
      std::vector<int32_t> ids;
      ids.reserve(members.size());
      for (int32_t row : members) {
        if (tuple_[row] >= 0) ids.push_back(tuple_[row]);
      }
      std::sort(ids.begin(), ids.end());
      out->Append(static_cast<int64_t>(std::unique(ids.begin(), ids.end()) - ids.begin()));
      return;
    }
    default:
      break;
  }
  const Vector& arg = args_[0];
  TypeId type = call_.args[0].type.id;
  std::vector<int64_t> values;
  values.reserve(members.size());
  for (int32_t row : members) {
    if (!arg.IsNull(row)) values.push_back(arg.data[row]);
  }
  if (values.empty()) {
    out->AppendNull();
    return;
  }
  switch (call_.function) {
    case AggregateId::kSum:
    case AggregateId::kAvg: {
      int64_t value;
      bool fits = call_.function == AggregateId::kSum ? SumOf(values, &value) : MeanOf(values, type, result, &value);
      if (fits) {
        out->Append(value);
      } else {
        out->AppendNull();
      }
      return;
    }
    case AggregateId::kMin:
    case AggregateId::kMax: {
      bool is_min = call_.function == AggregateId::kMin;
      int64_t best = values[0];
      for (int64_t value : values) {
        bool better;
        if (type == TypeId::kString) {
          int compared = pool.Get(static_cast<uint32_t>(value)).compare(pool.Get(static_cast<uint32_t>(best)));
          better = is_min ? compared < 0 : compared > 0;
        } else {
          better = is_min ? value < best : value > best;
        }
        if (better) best = value;
      }
      out->Append(best);
      return;
    }
    case AggregateId::kMedian: {
      int64_t value;
      if (MedianOf(values, type, result, call_.type.is_temporal(), &value)) {
        out->Append(value);
      } else {
        out->AppendNull();
      }
      return;
    }
    case AggregateId::kDistinctList: {
      std::vector<std::string> texts;
      for (int64_t value : values) {
        texts.push_back(type == TypeId::kString ? std::string(pool.Get(static_cast<uint32_t>(value)))
                                                : FormatScalar(type, value));
      }
      std::sort(texts.begin(), texts.end());
      texts.erase(std::unique(texts.begin(), texts.end()), texts.end());
      std::string joined;
      for (const std::string& text : texts) joined += (joined.empty() ? "" : "、") + text;
      out->Append(pool.Intern(joined));
      return;
    }
    default:
      out->AppendNull();
      return;
  }
}

std::vector<int32_t> FinishAggregateRows(ExecContext* context, ExpressionEvaluator* evaluator, const BoundStep& step,
                                         size_t prefix, Relation* working) {
  for (size_t output = 0; output < step.outputs.size(); ++output) {
    Vector vector = evaluator->EvaluateAll(step.outputs[output], *working);
    vector.type = step.schema[prefix + output].type;
    working->columns[prefix + output] = MakeColumn(std::move(vector));
  }
  std::vector<int32_t> kept;
  if (step.having) {
    for (size_t begin = 0; begin < working->rows; begin += context->batch_size) {
      evaluator->Select(*step.having, *working, begin, std::min(working->rows, begin + context->batch_size), &kept);
    }
  } else {
    kept.resize(working->rows);
    for (size_t row = 0; row < working->rows; ++row) kept[row] = static_cast<int32_t>(row);
  }
  return kept;
}

}  // namespace shujian::engine
