/** The designer panel's shared look: form controls, groups and hints, used by the panel and each section. */
import { css } from 'lit';

/** Styles every panel section shares (each section has its own shadow root, so each adopts these). */
export const panelStyles = css`
  :host {
    display: block;
  }
  fieldset {
    margin: 10px 0 0;
    padding: 8px 10px 10px;
    border: 1px solid #2c2e38;
    border-radius: 8px;
  }
  legend {
    padding: 0 4px;
    font-weight: 600;
    color: #b9bac6;
  }
  fieldset fieldset {
    margin-top: 6px;
    border: none;
    padding: 0;
  }
  fieldset fieldset legend {
    padding: 0;
    font-weight: 500;
    color: #9d9eab;
  }
  label {
    display: inline-flex;
    align-items: center;
    gap: 4px;
  }
  select,
  input[type='number'] {
    font: inherit;
    width: 150px;
    padding: 3px 4px;
    background: #0e0f13;
    color: inherit;
    border: 1px solid #3a3c48;
    border-radius: 4px;
  }
  button {
    font: inherit;
    padding: 3px 8px;
    background: #2a2c38;
    color: inherit;
    border: 1px solid #3e4150;
    border-radius: 4px;
    cursor: pointer;
  }
  button[aria-pressed='true'] {
    background: #3b4fe0;
    border-color: #5568fe;
  }
  button:disabled {
    opacity: 0.45;
    cursor: default;
  }
  :focus-visible {
    outline: 2px solid #8fa0ff;
    outline-offset: 1px;
  }
  .hint {
    margin: 4px 0 0;
    color: #9d9eab;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
    align-items: center;
    margin-top: 4px;
  }
  input[type='text'],
  input[type='url'] {
    flex: 1 1 120px;
    min-width: 0;
    font: inherit;
    padding: 3px 4px;
    background: #0e0f13;
    color: inherit;
    border: 1px solid #3a3c48;
    border-radius: 4px;
  }
`;
