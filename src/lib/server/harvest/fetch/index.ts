/**
 * Fetching for the harvest: what the crawl engine uses. One fetcher (and, for JavaScript
 * sources, one renderer) per run.
 */
export {
  createFetcher,
  type FetchedPage,
  type Fetcher,
  type FetcherOptions,
  type FetchPageOptions,
  fetcherOptionsFromConfig,
} from './create-fetcher.ts';
export {
  BlockedAddressError,
  type FetchAdvice,
  FetchError,
  type FetchErrorCode,
  RetryLaterError,
  SkipPageError,
  StopSourceError,
} from './fetch-errors.ts';
export {
  createRenderer,
  createRendererForFetcher,
  type RenderedPage,
  type Renderer,
  type RendererOptions,
  type RenderPageOptions,
  rendererOptionsFromConfig,
  renderPage,
} from './render-page.ts';
export { type HostResolver, parseTargetUrl, type TargetPolicy } from './target-guard.ts';
