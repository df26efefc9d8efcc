/**
 * Form association: the host (`static formAssociated = true`) gives its form
 * the fields `entries()` names, as real values through ElementInternals:
 * `new FormData(form)` carries them, with no `name` and no hidden input.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class FormValueController implements ReactiveController {
  /** Undefined where the browser has no form-associated custom elements. */
  readonly #internals: ElementInternals | undefined;
  readonly #entries: () => Record<string, string>;

  /** `entries()`: field name -> value; none, and the host adds nothing to its form. */
  constructor(host: ReactiveControllerHost & HTMLElement, entries: () => Record<string, string>) {
    this.#internals = host.attachInternals?.();
    this.#entries = entries;
    host.addController(this);
  }

  /** The form the host belongs to, if any. */
  get form(): HTMLFormElement | null {
    return this.#internals?.form ?? null;
  }

  hostUpdated(): void {
    const data = new FormData();
    for (const [name, value] of Object.entries(this.#entries())) data.append(name, value);
    this.#internals?.setFormValue(data);
  }
}
