// The baseline for `npm run bench`: a bare page on the stock Phaser bundle, one scene, ready.
import Phaser from 'phaser';

class Ready extends Phaser.Scene {
  create() {
    this.add.graphics().fillStyle(0x6fb7c4, 1).fillRect(100, 100, 400, 200);
    performance.mark('ready');
  }
}

new Phaser.Game({
  type: Phaser.CANVAS,
  parent: 'stage',
  width: 1600,
  height: 900,
  banner: false,
  audio: { noAudio: true },
  scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH },
  scene: [Ready],
});
