// "Class Definition": DynamicValue<T> holds an iterable of T as `values`
import { DynamicValue } from "hydrant/spearmint";

const value: DynamicValue<string> = new DynamicValue<string>(["a", "b"]);
console.log(value.values.join(","));
