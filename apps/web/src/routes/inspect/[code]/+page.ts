import type { PageLoad } from './$types';

// The inspector's data is personal to the phone (its cookie), so it is read in the browser.
export const ssr = false;

/** The estate code from the address; the page reads the rest from the API and the device. */
export const load: PageLoad = ({ params }) => ({ code: params.code });
