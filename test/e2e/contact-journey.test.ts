import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { SCREENSHOTS, useJourney } from '../support/browser-journey.ts';

describe('contact journey: report an error on a project page', () => {
  const journey = useJourney({ width: 1280, height: 900 });

  test('a visitor reports an error; a bad address is explained first', async () => {
    await journey.page.goto(`${journey.server.url}/recherche?q=cravate`);
    await journey.page.getByTestId('project-link').first().click();
    await journey.page.waitForURL(/\/projets\//);
    await journey.page.getByRole('link', { name: 'Signaler une erreur sur cette fiche' }).click();
    await journey.page.waitForURL(/\/contact\?projet=.*sujet=erreur/);
    expect(await journey.page.locator('h1').textContent()).toBe('Signaler une erreur');
    expect(await journey.page.locator('.contact-routes').textContent()).toContain(
      "Fondation La France s'Engage",
    );

    await journey.page.getByLabel('Votre nom').fill('Camille Martin');
    await journey.page.getByLabel('Votre adresse électronique').fill('pas-une-adresse');
    await journey.page.getByLabel('L’erreur constatée').fill('Le projet a déménagé à Chartres en 2025.');
    await journey.page.waitForTimeout(3200); // the form refuses what is sent faster than a person types
    await journey.page.getByRole('button', { name: 'Envoyer le message' }).click();
    await journey.page.getByRole('alert').waitFor();
    expect(await journey.page.locator('#error-email').textContent()).toBe(
      'indiquez une adresse électronique valide',
    );
    expect(await journey.page.getByLabel('Votre nom').inputValue()).toBe('Camille Martin');

    await journey.page.getByLabel('Votre adresse électronique').fill('camille@exemple.org');
    await journey.page.getByRole('button', { name: 'Envoyer le message' }).click();
    await journey.page.getByTestId('form-sent').waitFor();
    await journey.page.screenshot({ path: path.join(SCREENSHOTS, 'contact-sent.png'), fullPage: true });
  });
});
