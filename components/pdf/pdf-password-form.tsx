import { useEffect, useRef, useState } from 'preact/hooks';

interface PdfPasswordFormProps {
  /** The last password given did not open the document. */
  retry: boolean;
  /** The password typed, or null when the reader gives up. */
  onAnswer: (password: string | null) => void;
}

/**
 * Asks for a protected PDF's password. What is typed goes to pdf.js and nowhere else: the field is not
 * remembered by the browser, and Gloss keeps no copy.
 */
export function PdfPasswordForm({ retry, onAnswer }: PdfPasswordFormProps) {
  const [password, setPassword] = useState('');
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    field.current?.focus();
  }, [retry]);
  return (
    <form
      class="pdf-password"
      aria-labelledby="pdf-password-title"
      onSubmit={(event) => {
        event.preventDefault();
        if (password !== '') onAnswer(password);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onAnswer(null);
      }}
    >
      <h1 id="pdf-password-title">This PDF is protected by a password</h1>
      <p>Enter its password to read it here. Gloss does not keep the password.</p>
      {retry && (
        <p class="pdf-password-wrong" role="alert">
          That password does not open this PDF. Try again.
        </p>
      )}
      <label>
        Password
        <input
          ref={field}
          type="password"
          autocomplete="off"
          value={password}
          aria-invalid={retry}
          onInput={(event) => setPassword(event.currentTarget.value)}
        />
      </label>
      <div class="pdf-password-actions">
        <button type="submit" class="pdf-tool" disabled={password === ''}>
          Open
        </button>
        <button type="button" class="pdf-tool" onClick={() => onAnswer(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
