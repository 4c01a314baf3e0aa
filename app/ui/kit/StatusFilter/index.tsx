// A GET form that filters a list by one choice (e.g. a message status). Only that choice goes into the URL.
import { Form } from "@remix-run/react";
import { Button } from "../Button";
import { Select, type SelectOption } from "../Select";
import "./StatusFilter.css";

export interface StatusFilterProps {
  id: string;
  name: string;
  label: string;
  submitLabel: string;
  value: string;
  options: SelectOption[];
}

export function StatusFilter({ id, name, label, submitLabel, value, options }: StatusFilterProps) {
  return (
    <Form method="get" className="status-filter">
      <Select key={value} id={id} name={name} label={label} defaultValue={value} options={options} />
      <Button type="submit" variant="secondary">
        {submitLabel}
      </Button>
    </Form>
  );
}
