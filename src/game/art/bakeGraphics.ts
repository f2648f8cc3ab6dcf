import Phaser from 'phaser';

/**
 * `graphics.generateTexture(key, w, h)`, without the leak: Phaser renders through one shared
 * camera (`Graphics.TargetCamera`) whose render list is never cleared, so every Graphics ever
 * baked (and all it refers to) stayed in memory — about 80 KB per playthrough (npm run bench:
 * heap). The list only matters during that one render, so it is emptied straight after.
 */
export function bakeGraphics(
  g: Phaser.GameObjects.Graphics,
  key: string,
  width: number,
  height: number,
): void {
  g.generateTexture(key, width, height);
  Phaser.GameObjects.Graphics.TargetCamera.renderList.length = 0;
}
