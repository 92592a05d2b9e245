/**
 * Text that Helm's template engine passes through unchanged: every `{{` and
 * `}}` becomes a template action printing it. Alert annotations such as
 * `{{ $labels.service }}` (Prometheus' own templates) and any catalog value
 * then reach the rendered object literally instead of breaking the chart.
 */
export function helmLiteral(text: string): string {
  return text.replace(/\{\{|\}\}/g, m =>
    m === '{{' ? '{{ "{{" }}' : '{{ "}}" }}',
  );
}
