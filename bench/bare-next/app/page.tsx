'use client';

import { useState } from 'react';

/** The smallest client page: what any Next 16 + React 19 page ships (the page-weight floor). */
export default function Page() {
  const [count, setCount] = useState(0);
  return (
    <button type="button" onClick={() => setCount(count + 1)}>
      Clicked {count} times
    </button>
  );
}
