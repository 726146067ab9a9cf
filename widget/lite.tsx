/**
 * The few controls the widget needs, drawn with the design system's own CSS instead of its React
 * components: the design system ships as one JavaScript module, and importing any of it would put all of
 * it (with floating-ui and react-virtuoso) into the widget's bundle. Each control carries the class names
 * the design system's component puts on the same element, and designControls.css holds the design
 * system's rules for those names (generated from its stylesheet), so sizes and states (hover, focus,
 * invalid, disabled) are its own.
 */
import ChevronDown from '@livechat/design-system-icons/ChevronDown';
import ErrorIcon from '@livechat/design-system-icons/Error';
import { useState, type ButtonHTMLAttributes, type ReactNode } from 'react';
import './designControls.css';

/**
 * The design system's class names (CSS modules, named at its build) for the version installed:
 * tests/unit/widget/lite.test.ts checks that its stylesheet has every one (an upgrade that renames them
 * fails there instead of leaving the widget unstyled) and writes their rules to designControls.css.
 */
export const ds = {
  textMd: 'lc-Typography-module__paragraph-md___Ogs8k',
  textSm: 'lc-Typography-module__paragraph-sm___5KRhm',
  icon: 'lc-Icon-module__icon___J5RH5',
  button: 'lc-Button-module__btn___daEdK',
  buttonCompact: 'lc-Button-module__btn--compact___230yl',
  buttonPrimary: 'lc-Button-module__btn--primary___RKxUy',
  buttonSecondary: 'lc-Button-module__btn--secondary___-lgbN',
  buttonPlain: 'lc-Button-module__btn--plain___BOFMA',
  buttonIconOnly: 'lc-Button-module__btn--icon-only___7J-XP',
  buttonXcompact: 'lc-Button-module__btn--xcompact___0AZjf',
  buttonDisabled: 'lc-Button-module__btn--disabled___ATZwt',
  buttonFullWidth: 'lc-Button-module__btn--full-width___ViUNm',
  input: 'lc-Input-module__input___505b7',
  inputCompact: 'lc-Input-module__input--compact___9Sw7d',
  inputFocused: 'lc-Input-module__input--focused___rmg2U',
  inputError: 'lc-Input-module__input--error___d2Aqj',
  inputDisabled: 'lc-Input-module__input--disabled___QA4ie',
  inputCrop: 'lc-Input-module__input--crop___63BIX',
  inputIconLeft: 'lc-Input-module__input__icon--left___IBzj8',
  textarea: 'lc-Textarea-module__textarea___yE6jp',
  textareaFocused: 'lc-Textarea-module__textarea--focused___YnB5S',
  textareaError: 'lc-Textarea-module__textarea--error___n-fD5',
  checkbox: 'lc-Checkbox-module__checkbox___D0D4S',
  checkboxSelected: 'lc-Checkbox-module__checkbox--selected___pU3Xh',
  checkboxLabel: 'lc-Checkbox-module__checkbox__label___I472A',
  checkboxInput: 'lc-Checkbox-module__checkbox__input___3krUF',
  checkboxText: 'lc-Checkbox-module__checkbox__text___Ex7K1',
  fieldLabel: 'lc-FormField-module__form-field__label-left-node___XWg6l',
  fieldDescription: 'lc-FieldDescription-module__field-description___x5rXY',
  fieldError: 'lc-FieldError-module__field-error___-rtI3',
  fieldErrorIcon: 'lc-FieldError-module__field-error__icon___4KpOc',
  loader: 'lc-Loader-module__loader___Ukoov',
  loaderSpinner: 'lc-Loader-module__loader__spinner___cp5N7',
  loaderSpinnerSmall: 'lc-Loader-module__loader__spinner--small___9XXkz',
  loaderCircle: 'lc-Loader-module__loader__spinner-circle___LyuTm',
  loaderLabel: 'lc-Loader-module__loader__label___CF5-C',
  listbox: 'lc-PickerList-module__listbox___GgFk0',
  noResults: 'lc-PickerList-module__no-results___JSeou',
  noResultsText: 'lc-PickerList-module__no-results-text___r-f51',
  itemWrapper: 'lc-PickerListItem-module__item-wrapper___xIByl',
  itemWrapperFirst: 'lc-PickerListItem-module__item-wrapper__first___qcOML',
  itemWrapperLast: 'lc-PickerListItem-module__item-wrapper__last___Ac2Y-',
  item: 'lc-PickerListItem-module__picker-list__item___Pvh-4',
  itemLabelContainer: 'lc-PickerListItem-module__picker-list__item__label-container___emTD1',
  itemLabel: 'lc-PickerListItem-module__picker-list__item__label___kAkZc',
} as const;

/** Class names, the falsy ones left out. */
export const cx = (...names: (string | false | null | undefined)[]) => names.filter(Boolean).join(' ');

/** Whether the element is focused, for the design system's `--focused` classes (it sets them the same way). */
export function useFocused() {
  const [focused, setFocused] = useState(false);
  return { focused, onFocus: () => setFocused(true), onBlur: () => setFocused(false) };
}

/** The design system Input's frame around a control (input, select, combobox): compact, as in side panels. */
export const inputFrame = (state: { focused: boolean; invalid?: boolean; disabled?: boolean }) =>
  cx(
    ds.textMd,
    ds.input,
    ds.inputCompact,
    ds.inputCrop,
    state.focused && ds.inputFocused,
    state.invalid && ds.inputError,
    state.disabled && ds.inputDisabled,
  );

export const textareaFrame = (state: { focused: boolean; invalid?: boolean }) =>
  cx(ds.textMd, ds.textarea, state.focused && ds.textareaFocused, state.invalid && ds.textareaError);

/** The chevron of a select in an Input frame, where the design system's Picker has it. */
export function SelectChevron() {
  return (
    <span className={cx(ds.icon, 'wf-select__chevron')} aria-hidden="true">
      <ChevronDown width={20} height={20} />
    </span>
  );
}

/** The design system's Loader, small, with its label beside it. */
export function LiteLoader({ label }: { label: string }) {
  return (
    <div className={ds.loader}>
      <div className={cx(ds.loaderSpinner, ds.loaderSpinnerSmall)}>
        <div role="status" className={ds.loaderCircle} />
      </div>
      <div className={cx(ds.textMd, ds.loaderLabel)}>{label}</div>
    </div>
  );
}

export function Spinner({ label }: { label?: string }) {
  return (
    <div className="lite-spinner" role="status">
      <span className="lite-spinner__circle" aria-hidden="true" />
      {label && <span className="lite-spinner__label">{label}</span>}
    </div>
  );
}

/** The design system's Button, compact (or smaller): primary, secondary, or plain (no frame, e.g. an icon). */
export function LiteButton({
  kind = 'secondary',
  size = 'compact',
  fullWidth,
  className,
  disabled,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & {
  kind?: 'primary' | 'secondary' | 'plain';
  size?: 'compact' | 'xcompact';
  fullWidth?: boolean;
}) {
  const kinds = { primary: ds.buttonPrimary, secondary: ds.buttonSecondary, plain: ds.buttonPlain };
  return (
    <button
      type="button"
      className={cx(
        ds.button,
        kinds[kind],
        size === 'compact' ? ds.buttonCompact : ds.buttonXcompact,
        fullWidth && ds.buttonFullWidth,
        disabled && ds.buttonDisabled,
        className,
      )}
      disabled={disabled}
      aria-disabled={disabled || undefined}
      {...props}
    />
  );
}

/** The design system's FieldError: the problem under a field, with its icon. */
export function LiteFieldError({
  id,
  children,
  testId,
}: {
  id: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <span id={id} role="alert" className={cx(ds.textSm, ds.fieldError)} data-testid={testId}>
      <span className={cx(ds.icon, ds.fieldErrorIcon)} aria-hidden="true">
        <ErrorIcon width={16} height={16} />
      </span>
      {children}
    </span>
  );
}

export function LiteTag({
  kind,
  children,
  ...rest
}: {
  kind: 'success' | 'error' | 'default';
  children: ReactNode;
  'data-testid'?: string;
}) {
  return (
    <span className={`lite-tag lite-tag--${kind}`} {...rest}>
      {children}
    </span>
  );
}
