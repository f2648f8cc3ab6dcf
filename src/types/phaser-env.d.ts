// Side-effect imports that register game objects the lean Phaser core build leaves out.
declare module 'phaser/src/gameobjects/container/ContainerFactory.js';
declare module 'phaser/src/gameobjects/container/ContainerCreator.js';
