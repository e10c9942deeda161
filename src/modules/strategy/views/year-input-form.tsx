/** A GET form choosing the year shown (`?annee=`), typed in: works without JavaScript. */
export function YearInputForm({
  action,
  year,
  label,
  button,
}: {
  action: string
  year: number
  label: string
  button: string
}) {
  return (
    <form method="get" action={action} class="filters">
      <div class="field">
        <label for="annee">{label}</label>
        <input
          id="annee"
          name="annee"
          type="number"
          min="2000"
          max="2100"
          value={String(year)}
          inputmode="numeric"
        />
      </div>
      <button type="submit">{button}</button>
    </form>
  )
}
