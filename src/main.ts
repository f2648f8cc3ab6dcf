/**
 * The app's entry. Until the player lands this is a plain page saying what CarePlay is;
 * it deliberately loads nothing from the network.
 */
const app = document.querySelector<HTMLDivElement>('#app');
if (app) {
  app.innerHTML = `
    <main style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; padding: 0 1rem; line-height: 1.5">
      <h1>CarePlay</h1>
      <p>Practise hard conversations in health and social care, and learn why each choice matters.</p>
      <p>The player is being built. Scenario authors can check their files with <code>npm run validate</code>.</p>
    </main>`;
}
